"""Every action succeeds through the official SDK and parses into its own models, no unknown fields."""
import warnings

from tencentcloud.cvm.v20170312 import models

from emulator import DEMO_ACCOUNT, PARTNERS, REGION, parse


def images_request(**fields):
    request = models.DescribeImagesRequest()
    for name, value in fields.items():
        setattr(request, name, value)
    return request


def type_filter(kind):
    f = models.Filter()
    f.Name = "image-type"
    f.Values = [kind]
    return f


def test_banner(demo):
    assert demo.banner[0] == f"LISTENING {demo.port}"
    assert demo.banner[1] == "export TENCENTCLOUD_SECRET_ID=AKIDcvmshDEMO00000000000000000000000"
    assert demo.banner[2].startswith("export TENCENTCLOUD_SECRET_KEY=")
    assert demo.banner[3] == f"# endpoint: http://127.0.0.1:{demo.port}"


def test_describe_regions(demo):
    response, unknown = parse(demo.cvm(), "DescribeRegions", models.DescribeRegionsRequest(),
                              models.DescribeRegionsResponse)
    assert unknown == []
    assert response.TotalCount == len(response.RegionSet) >= 5
    assert REGION in [r.Region for r in response.RegionSet]
    assert all(r.RegionState == "AVAILABLE" and r.RegionName for r in response.RegionSet)
    # The typed call parses too.
    assert demo.cvm().DescribeRegions(models.DescribeRegionsRequest()).TotalCount == response.TotalCount


def test_describe_images_every_field(demo):
    request = images_request(Limit=100, Filters=[type_filter("PRIVATE_IMAGE")])
    response, unknown = parse(demo.cvm(), "DescribeImages", request, models.DescribeImagesResponse)
    assert unknown == []
    assert response.TotalCount == 150
    assert len(response.ImageSet) == 100
    states = {image.ImageState for image in response.ImageSet}
    assert "NORMAL" in states and len(states) > 1
    for image in response.ImageSet:
        assert image.ImageId.startswith("img-") and len(image.ImageId) == 12
        assert image.ImageType == "PRIVATE_IMAGE"
        assert image.CreatedTime.endswith("+00:00")
        assert image.LicenseType in ("TencentCloud", "BYOL")
        assert image.Architecture in ("x86_64", "arm", "i386")
        assert isinstance(image.ImageSize, int) and isinstance(image.IsSupportCloudinit, bool)
        assert all(s.DiskUsage in ("SYSTEM_DISK", "DATA_DISK") for s in image.SnapshotSet)
        assert image.SyncPercent is None or 0 <= image.SyncPercent <= 100
    created = [image.CreatedTime for image in response.ImageSet]
    assert created == sorted(created, reverse=True)


def test_typed_call_emits_no_unknown_field_warning(demo):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        response = demo.cvm().DescribeImages(images_request(Limit=100))
    assert [str(w.message) for w in caught] == []
    assert len(response.ImageSet) == 100
    assert response.TotalCount == 160  # 150 own, 4 shared to the demo account, 6 public


def test_shared_and_public_images(demo):
    client = demo.cvm()
    shared = client.DescribeImages(images_request(Filters=[type_filter("SHARED_IMAGE")]))
    assert shared.TotalCount >= 1 and all(i.ImageType == "SHARED_IMAGE" for i in shared.ImageSet)
    public = client.DescribeImages(images_request(Filters=[type_filter("PUBLIC_IMAGE")]))
    assert public.TotalCount >= 1 and all(i.ImageSource == "OFFICIAL" for i in public.ImageSet)


def test_cjk_names_round_trip(demo):
    name = models.Filter()
    name.Name = "image-name"
    name.Values = ["ウェブサーバー"]
    response = demo.cvm().DescribeImages(images_request(Filters=[name]))
    assert [i.ImageName for i in response.ImageSet] == ["ウェブサーバー-本番"]


def shareable_image(client):
    """A NORMAL, TencentCloud-licensed private image with no shares yet."""
    request = images_request(Limit=100, Filters=[type_filter("PRIVATE_IMAGE")])
    for image in client.DescribeImages(request).ImageSet:
        if image.ImageState == "NORMAL" and image.LicenseType == "TencentCloud" and not image.ImageName.startswith("vault"):
            permissions = describe_shares(client, image.ImageId)
            if not permissions:
                return image.ImageId
    raise AssertionError("no shareable image in the demo data")


def describe_shares(client, image_id):
    request = models.DescribeImageSharePermissionRequest()
    request.ImageId = image_id
    return [p.AccountId for p in client.DescribeImageSharePermission(request).SharePermissionSet]


def modify(client, image_id, accounts, permission="SHARE"):
    request = models.ModifyImageSharePermissionRequest()
    request.ImageId = image_id
    request.AccountIds = accounts
    request.Permission = permission
    return client.ModifyImageSharePermission(request)


def test_share_permissions_round_trip(fresh):
    emulator = fresh("--rate-limit", "off")
    client = emulator.cvm()
    image_id = shareable_image(client)

    request = models.ModifyImageSharePermissionRequest()
    request.ImageId = image_id
    request.AccountIds = PARTNERS[1:3]
    request.Permission = "SHARE"
    response, unknown = parse(client, "ModifyImageSharePermission", request, models.ModifyImageSharePermissionResponse)
    assert unknown == [] and response.RequestId

    describe = models.DescribeImageSharePermissionRequest()
    describe.ImageId = image_id
    listing, unknown = parse(client, "DescribeImageSharePermission", describe,
                             models.DescribeImageSharePermissionResponse)
    assert unknown == []
    assert [p.AccountId for p in listing.SharePermissionSet] == PARTNERS[1:3]
    assert all(p.CreatedTime.endswith("Z") for p in listing.SharePermissionSet)

    modify(client, image_id, [PARTNERS[1]], "CANCEL")
    assert describe_shares(client, image_id) == [PARTNERS[2]]


def test_receiver_sees_shared_image(fresh):
    from emulator import PARTNER_ID, PARTNER_KEY
    from tencentcloud.common import credential

    emulator = fresh("--rate-limit", "off")
    image_id = shareable_image(emulator.cvm())
    modify(emulator.cvm(), image_id, [PARTNERS[0]])
    partner = emulator.cvm(credential.Credential(PARTNER_ID, PARTNER_KEY))
    seen = partner.DescribeImages(images_request(Filters=[type_filter("SHARED_IMAGE")]))
    assert image_id in [i.ImageId for i in seen.ImageSet]
    assert all(i.ImageType == "SHARED_IMAGE" for i in seen.ImageSet)


def test_describe_image_quota(demo):
    response, unknown = parse(demo.cvm(), "DescribeImageQuota", models.DescribeImageQuotaRequest(),
                              models.DescribeImageQuotaResponse)
    assert unknown == []
    assert response.ImageNumQuota == 500


def test_get_caller_identity(demo):
    reply = demo.sts().call_json("GetCallerIdentity", {})["Response"]
    assert set(reply) == {"Arn", "AccountId", "UserId", "PrincipalId", "Type", "RequestId"}
    assert reply["AccountId"] == DEMO_ACCOUNT
    assert all(isinstance(value, str) for value in reply.values())
