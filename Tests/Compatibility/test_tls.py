"""HTTPS with a throw-away CA, as tccli and the SDKs use by default."""
import subprocess

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.cvm.v20170312 import models

EXTENSIONS = """subjectAltName=IP:127.0.0.1,DNS:localhost
basicConstraints=CA:FALSE
keyUsage=digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
"""


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    (directory / "ext.cnf").write_text(EXTENSIONS)
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=directory, check=True, capture_output=True, timeout=60)

    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=cvmsh test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    openssl("req", *ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf")
    return directory


def test_https_with_test_ca(fresh, certificates):
    emulator = fresh("--tls-cert", str(certificates / "server.pem"), "--tls-key", str(certificates / "server.key"),
                     "--rate-limit", "off")
    assert emulator.endpoint == f"https://127.0.0.1:{emulator.port}"
    ca = str(certificates / "ca.pem")
    client = emulator.cvm(ca=ca)
    request = models.DescribeImagesRequest()
    request.Limit = 5
    response = client.DescribeImages(request)
    assert response.TotalCount == 160 and len(response.ImageSet) == 5
    assert emulator.sts(ca=ca).call_json("GetCallerIdentity", {})["Response"]["AccountId"] == "100012345678"

    # With the SDK's default CA bundle the test certificate is refused.
    with pytest.raises(TencentCloudSDKException) as raised:
        emulator.cvm().DescribeImages(request)
    assert raised.value.get_code() == "ClientNetworkError"
