"""Paging over 250 generated images with the official SDK."""
from tencentcloud.cvm.v20170312 import models


def page(client, offset, limit=None):
    request = models.DescribeImagesRequest()
    f = models.Filter()
    f.Name = "image-type"
    f.Values = ["PRIVATE_IMAGE"]
    request.Filters = [f]
    request.Offset = offset
    if limit is not None:
        request.Limit = limit
    return client.DescribeImages(request)


def test_pages_of_100(generated):
    client = generated.cvm()
    seen, offset = [], 0
    for _ in range(10):
        response = page(client, offset, 100)
        assert response.TotalCount == 250
        seen += response.ImageSet
        offset += 100
        if offset >= response.TotalCount:
            break
    assert [len(page(client, o, 100).ImageSet) for o in (0, 100, 200)] == [100, 100, 50]
    ids = [image.ImageId for image in seen]
    assert len(ids) == 250 and len(set(ids)) == 250
    created = [image.CreatedTime for image in seen]
    assert created == sorted(created, reverse=True)


def test_default_limit_is_20(generated):
    client = generated.cvm()
    seen, offset = set(), 0
    for _ in range(20):
        response = page(client, offset)
        assert len(response.ImageSet) <= 20
        seen.update(image.ImageId for image in response.ImageSet)
        offset += 20
        if offset >= response.TotalCount:
            break
    assert len(seen) == 250


def test_offset_past_the_end(generated):
    response = page(generated.cvm(), 1000, 100)
    assert response.TotalCount == 250 and response.ImageSet == []
