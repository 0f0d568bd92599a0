"""The emulator accepts what the official SDK signs and rejects what it must."""
import pytest
from tencentcloud.common import abstract_client, credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.cvm.v20170312 import models

from emulator import TEMP_ID, TEMP_KEY, TEMP_TOKEN


def quota(client):
    return client.DescribeImageQuota(models.DescribeImageQuotaRequest()).ImageNumQuota


def code_of(client):
    with pytest.raises(TencentCloudSDKException) as raised:
        quota(client)
    return raised.value.get_code()


def test_demo_keys_work(demo):
    assert quota(demo.cvm()) == 500


def test_wrong_key(demo):
    wrong = credential.Credential(demo.secret_id, "x" * 32)
    assert code_of(demo.cvm(wrong)) == "AuthFailure.SignatureFailure"


def test_unknown_secret_id(demo):
    assert code_of(demo.cvm(credential.Credential("AKIDnobody0000000000000000000000000000", "k" * 32))) \
        == "AuthFailure.SecretIdNotFound"


class FrozenTime:
    def __init__(self, offset):
        import time
        self._time = time
        self.offset = offset

    def time(self):
        return self._time.time() + self.offset

    def __getattr__(self, name):
        return getattr(self._time, name)


@pytest.mark.parametrize("offset", [-400, 400])
def test_stale_or_future_timestamp(demo, monkeypatch, offset):
    monkeypatch.setattr(abstract_client, "time", FrozenTime(offset))
    assert code_of(demo.cvm()) == "AuthFailure.SignatureExpire"


def test_small_skew_is_accepted(demo, monkeypatch):
    monkeypatch.setattr(abstract_client, "time", FrozenTime(-200))
    assert quota(demo.cvm()) == 500


def test_temporary_credentials_need_their_token(demo):
    assert quota(demo.cvm(credential.Credential(TEMP_ID, TEMP_KEY, TEMP_TOKEN))) == 500
    assert code_of(demo.cvm(credential.Credential(TEMP_ID, TEMP_KEY))) == "AuthFailure.TokenFailure"
    assert code_of(demo.cvm(credential.Credential(TEMP_ID, TEMP_KEY, "forged"))) == "AuthFailure.TokenFailure"


def test_unsigned_payload_and_english(demo):
    client = demo.cvm(language="en-US")
    client.profile.unsignedPayload = True  # an attribute the SDK reads, not a constructor argument
    assert quota(client) == 500


def test_sts_is_signed_for_sts(demo):
    reply = demo.sts().call_json("GetCallerIdentity", {})
    assert reply["Response"]["AccountId"] == "100012345678"
