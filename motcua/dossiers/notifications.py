"""Applicant notices for dossier events. Replaced by the e-mail/SMS task module (see integrations)."""


def notify(event) -> None:
    """Enqueue the applicant's notice for `event` in the current transaction."""
    return None
