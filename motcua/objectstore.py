"""S3-compatible object storage for stored files (docs/storage.md): the `STORAGES["default"]` entry for a bucket.

Local disk (MEDIA_ROOT) stays the default; settings.py calls `s3_storage` when MOTCUA_S3_BUCKET is set, and stored
files then go to the bucket through django-storages (the optional extra: `pip install 'motcua[s3]'`). Nothing here
imports Django, so settings.py can use it.
"""

import importlib.util

# A file read back from the bucket (a download, a backup) is held in memory up to this size, on a temporary file above.
SPOOL_BYTES = 1024 * 1024


def s3_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    prefix: str = "",
    addressing_style: str = "",
) -> dict:
    """The storage entry for `bucket`. Empty keys leave boto3 its own lookup (AWS_* variables, an instance role)."""
    if importlib.util.find_spec("storages") is None or importlib.util.find_spec("boto3") is None:
        raise RuntimeError(
            "MOTCUA_S3_BUCKET được đặt nhưng chưa cài django-storages và boto3: pip install 'motcua[s3]'"
        )
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url or None,  # MinIO, Viettel/FPT/VNPT object storage, Ceph RGW…
            "region_name": region or None,
            "access_key": access_key or None,
            "secret_key": secret_key or None,
            "location": prefix.strip("/"),  # a folder of the bucket, when the bucket is shared
            "addressing_style": addressing_style or None,  # "path" for most servers that are not AWS
            # Two uploads with one name in one month ("to-khai.pdf") must never overwrite each other: with this off,
            # Django adds a suffix to the second, as it does on local disk. django-storages defaults to overwriting.
            "file_overwrite": False,
            "default_acl": None,  # private: a stored file leaves only through motcua's checked download
            "querystring_auth": True,  # any URL the storage makes is signed and expires (motcua links none)
            "max_memory_size": SPOOL_BYTES,  # django-storages' default (0) would hold every file read wholly in memory
        },
    }
