"""S3 for tests: moto's S3 server on a free port of 127.0.0.1 and the default storage pointed at a new bucket of it
(`from motcua.dossiers.tests.s3 import s3, s3_server  # noqa: F401`)."""

import logging
import uuid
from dataclasses import dataclass

import pytest

from motcua.objectstore import s3_storage


@dataclass
class Bucket:
    client: object
    name: str
    endpoint: str

    def keys(self) -> set[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def put(self, key: str, content: bytes) -> None:
        self.client.put_object(Bucket=self.name, Key=key, Body=content)

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.name, Key=key)


@pytest.fixture(scope="session")
def s3_server():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per S3 request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_server, settings):
    """A new, empty bucket as the default storage, as MOTCUA_S3_* would configure it."""
    import boto3

    name = f"motcua-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id="kiem-thu",
        aws_secret_access_key="kiem-thu",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": s3_storage(
            bucket=name, endpoint_url=s3_server, region="us-east-1", access_key="kiem-thu", secret_key="kiem-thu"
        ),
    }
    return Bucket(client, name, s3_server)
