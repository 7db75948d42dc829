from .fixtures import fast_retries, sms_gateway, smtp_sink  # noqa: F401 (fixtures for this folder's tests)
