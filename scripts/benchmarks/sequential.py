"""The sequential approach of the original document, written with the official Python SDK.

Lists the caller's custom images page by page (Limit 100, filter image-type PRIVATE_IMAGE), then
shares each shareable image (NORMAL, not BYOL) with every account in one
ModifyImageSharePermission call, one call at a time -- what the document's `test.py` does, with
its two bugs fixed (it reads only the first page and indexes past it) and without the prompts.

Prints one JSON object: pages, list_seconds, shareable, share_calls, share_seconds, errors.

    python sequential.py --endpoint 127.0.0.1:PORT --region ap-nanjing \
        [--accounts 1000...,1000...] [--max-shares K]

Credentials come from TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, as in the document.
"""
import argparse
import json
import time

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.cvm.v20170312 import cvm_client, models


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True, help="host:port")
    parser.add_argument("--protocol", default="http")
    parser.add_argument("--region", default="ap-nanjing")
    parser.add_argument("--accounts", default="", help="comma-separated; empty: list only")
    parser.add_argument("--max-shares", type=int, default=None, help="share only the first K images")
    args = parser.parse_args()

    cred = credential.EnvironmentVariableCredential().get_credential()
    http = HttpProfile(protocol=args.protocol, endpoint=args.endpoint)
    client = cvm_client.CvmClient(cred, args.region, ClientProfile(httpProfile=http))

    started = time.monotonic()
    images, offset, total, pages = [], 0, None, 0
    while total is None or offset < total:
        req = models.DescribeImagesRequest()
        req.from_json_string(json.dumps({
            "Filters": [{"Name": "image-type", "Values": ["PRIVATE_IMAGE"]}],
            "Offset": offset, "Limit": 100,
        }))
        resp = json.loads(client.DescribeImages(req).to_json_string())
        total = resp["TotalCount"]
        images.extend(resp["ImageSet"])
        pages += 1
        offset += 100
    list_seconds = time.monotonic() - started

    shareable = [i for i in images if i["ImageState"] == "NORMAL" and i.get("LicenseType") != "BYOL"]
    accounts = [a for a in args.accounts.split(",") if a]
    targets = shareable if args.max_shares is None else shareable[: args.max_shares]
    errors, calls = [], 0
    started = time.monotonic()
    if accounts:
        for image in targets:
            req = models.ModifyImageSharePermissionRequest()
            req.from_json_string(json.dumps(
                {"ImageId": image["ImageId"], "AccountIds": accounts, "Permission": "SHARE"}))
            calls += 1
            try:
                client.ModifyImageSharePermission(req)
            except TencentCloudSDKException as err:
                errors.append(f"{image['ImageId']}: {err.get_code()}")
    share_seconds = time.monotonic() - started
    print(json.dumps({
        "images": len(images), "pages": pages, "list_seconds": list_seconds,
        "shareable": len(shareable), "share_calls": calls, "share_seconds": share_seconds,
        "errors": errors,
    }))


if __name__ == "__main__":
    main()
