"""DescribeOrganizationMembers (organization 2021-03-31) with the official SDK's OrganizationClient."""
import json

import pytest
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.organization.v20210331 import models, organization_client

from emulator import PARTNER_ID, PARTNER_KEY, PARTNERS, unknown_fields

# EmulatorState.demoOrganization: four partners and three bulk partners, in nodes 11, 12, 13.
MEMBERS = PARTNERS[:4] + ["100030000001", "100030000002", "100030000003"]


def client(emulator, cred=None):
    """The SDK's OrganizationClient: a global service, built without a region."""
    return organization_client.OrganizationClient(cred or emulator.credential(), "", emulator.profile())


def members(emulator, cred=None, **fields):
    request = models.DescribeOrganizationMembersRequest()
    request.from_json_string(json.dumps(fields))
    return client(emulator, cred).DescribeOrganizationMembers(request)


def test_pages_and_numeric_uins(demo):
    seen = []
    for offset in (0, 3, 6):
        response = members(demo, Offset=offset, Limit=3)
        assert response.Total == 7
        seen += response.Items
    assert [item.MemberUin for item in seen] == [int(uin) for uin in MEMBERS]
    assert all(isinstance(item.MemberUin, int) for item in seen)
    assert {item.NodeName for item in seen} == {"platform", "games", "data"}


def test_reply_has_only_fields_the_sdk_declares(demo):
    raw = json.loads(client(demo).call("DescribeOrganizationMembers", {"Offset": 0, "Limit": 50}))["Response"]
    model = models.DescribeOrganizationMembersResponse()
    model._deserialize(raw)
    assert unknown_fields(raw, model) == []
    assert len(model.Items) == 7


def test_node_filters(demo):
    assert [item.MemberUin for item in members(demo, Offset=0, Limit=10, NodeId=12).Items] == [
        int(PARTNERS[2]), int(PARTNERS[3])]
    assert members(demo, Offset=0, Limit=10, NodeName="data").Total == 3


@pytest.mark.parametrize("fields, code", [
    ({"Offset": 0, "Limit": 51}, "InvalidParameter"),
    ({"Offset": 0, "Limit": 0}, "InvalidParameter"),
    ({"Offset": 5, "Limit": 10}, "InvalidParameter"),
    ({"Limit": 10}, "MissingParameter"),
    ({"Offset": 0, "Limit": 10, "NodeId": 99}, "ResourceNotFound.OrganizationNodeNotExist"),
    ({"Offset": 0, "Limit": 10, "NodeName": "nope"}, "ResourceNotFound.OrganizationNodeNotExist"),
])
def test_bad_requests(demo, fields, code):
    with pytest.raises(TencentCloudSDKException) as error:
        members(demo, **fields)
    assert error.value.code == code


def test_a_member_that_is_not_the_admin_is_refused(demo):
    with pytest.raises(TencentCloudSDKException) as error:
        members(demo, credential.Credential(PARTNER_ID, PARTNER_KEY), Offset=0, Limit=10)
    assert error.value.code == "AuthFailure.UnauthorizedOperation"


def test_strict_mode_serves_it_only_on_organization_hosts(fresh):
    strict = fresh("--rate-limit", "off", "--strict")
    with pytest.raises(TencentCloudSDKException) as error:
        members(strict, Offset=0, Limit=10)
    assert error.value.code == "NoSuchVersion"
