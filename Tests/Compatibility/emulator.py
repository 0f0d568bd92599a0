"""Starting cvm-emulator processes and pointing the official SDK at them."""
import json
import os
import select
import signal
import subprocess
import time

from tencentcloud.common import credential
from tencentcloud.common.abstract_model import AbstractModel
from tencentcloud.common.common_client import CommonClient
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.cvm.v20170312 import cvm_client

# Published by the emulator (EmulatorState.demo*, partner*, collaborator*).
DEMO_ACCOUNT = "100012345678"
COLLABORATOR_ACCOUNT = "100023456789"
PARTNERS = ["100087654321", "100011110001", "100011110002", "100011110003", "100011110004", "100011110005"]
TEMP_ID = "AKIDcvmshDEMOTMP00000000000000000000"
TEMP_KEY = "cvmshDEMOtmpKeyNotARealKey000000"
TEMP_TOKEN = "cvmshDEMOsessionTokenNotARealToken"
COLLABORATOR_ID = "AKIDcvmshCOLLAB000000000000000000000"
COLLABORATOR_KEY = "cvmshCOLLABsecretKeyNotARealKey0"
PARTNER_ID = "AKIDcvmshPARTNER00000000000000000000"
PARTNER_KEY = "cvmshPARTNERsecretKeyNotARealKey"
REGION = "ap-nanjing"


class Emulator:
    """One cvm-emulator process on an ephemeral port."""

    def __init__(self, *args, timeout=20):
        self.args = list(args)
        self.process = subprocess.Popen(
            [os.environ["CVM_EMULATOR"], *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        self.banner = self._read_banner(timeout)
        first = self.banner[0].split()
        assert first[0] == "LISTENING", self.banner
        self.port = int(first[1])
        exports = dict(line[len("export "):].split("=", 1) for line in self.banner if line.startswith("export "))
        self.secret_id = exports.get("TENCENTCLOUD_SECRET_ID")
        self.secret_key = exports.get("TENCENTCLOUD_SECRET_KEY")
        self.endpoint = self.banner[-1][len("# endpoint: "):]

    def _read_banner(self, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        fd = self.process.stdout.fileno()
        while b"# endpoint: " not in data or not data.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                self.process.kill()
                err = self.process.stderr.read().decode(errors="replace")
                raise RuntimeError(f"cvm-emulator did not start: {data!r} {err}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                chunk = os.read(fd, 4096)
                if not chunk:
                    continue
                data += chunk
        return data.decode().splitlines()

    def stop(self, sig=signal.SIGTERM):
        """Stops the process (SIGTERM writes --dump) and returns its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.process.stderr.close()
        return self.process.returncode

    def profile(self, ca=None, **client_options):
        scheme = self.endpoint.split("://")[0]
        http = HttpProfile(protocol=scheme, endpoint=f"127.0.0.1:{self.port}", keepAlive=True, reqTimeout=10,
                           certification=ca)
        return ClientProfile(httpProfile=http, **client_options)

    def credential(self):
        return credential.Credential(self.secret_id, self.secret_key)

    def cvm(self, cred=None, region=REGION, ca=None, **client_options):
        """The SDK's own CvmClient, pointed at this emulator."""
        return cvm_client.CvmClient(cred or self.credential(), region, self.profile(ca, **client_options))

    def common(self, service="cvm", version="2017-03-12", cred=None, region=REGION, ca=None):
        """The SDK's CommonClient (raw JSON in and out), pointed at this emulator."""
        return CommonClient(service, version, cred or self.credential(), region, profile=self.profile(ca))

    def sts(self, cred=None, region=REGION, ca=None):
        return self.common("sts", "2018-08-13", cred, region, ca)


def unknown_fields(raw, model, path=""):
    """Members of `raw` (a reply's JSON) that the SDK model does not declare, recursively."""
    declared = model._serialize(allow_none=True)
    found = []
    for key, value in raw.items():
        if key not in declared:
            found.append(path + key)
            continue
        attribute = getattr(model, key)
        if isinstance(value, dict) and isinstance(attribute, AbstractModel):
            found += unknown_fields(value, attribute, f"{path}{key}.")
        elif isinstance(value, list) and attribute and isinstance(attribute[0], AbstractModel):
            for index, (item, item_model) in enumerate(zip(value, attribute)):
                found += unknown_fields(item, item_model, f"{path}{key}.{index}.")
    return found


def parse(client, action, request, response_class):
    """Calls `action` raw, then parses the reply into the SDK's response model.

    Returns the model and the list of reply fields the model does not know.
    """
    raw = json.loads(client.call(action, json.loads(request.to_json_string())))["Response"]
    model = response_class()
    model._deserialize(raw)
    return model, unknown_fields(raw, model)
