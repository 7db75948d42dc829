"""Links to systems outside the province's servers: applicant notices by e-mail and SMS (more to come)."""
