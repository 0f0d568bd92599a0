"""The multi-region scenarios S7-S10, run by run.py with its helpers (`scenarios(bench)`).

They reach the emulator as users reach the service: the DEFAULT endpoints
(`cvm.<region>.tencentcloudapi.com`) through an HTTPS proxy (`HTTPS_PROXY`, CONNECT) with the
test CA in `SSL_CERT_FILE`; the emulator serves TLS with a certificate naming those hosts and
counts the documented limits per (SecretId, Host, action), as the service counts them per
API + access region + sub-account.

- S7  share 150 images x 2 accounts in each of 3 regions: regional endpoints (the default)
      against the single nearest endpoint (`endpoint nearest`), and against the per-region bound.
- S8  publish 20 images to 3 regions with copies taking COPY_SECONDS: total time and the delay
      from each copy turning NORMAL to its share call.
- S9  audit the share lists of 501 images (167 in each of 3 regions) against the read bound.
- S10 plan a share file over the same images against the same read bound.
"""
import json
import statistics
import subprocess
from collections import Counter

REGIONS = ["ap-nanjing", "ap-tokyo", "ap-singapore"]
DEMO_ACCOUNT = "100012345678"
READ_RATE = 10  # DescribeImageSharePermission and ModifyImageSharePermission, per second
COPY_SECONDS = 20


def scenarios(bench):
    """(name, function) pairs for run.py's list."""
    return [("S7", lambda: s7(bench)), ("S8", lambda: s8(bench)), ("S9", lambda: s9(bench)),
            ("S10", lambda: s10(bench))]


def through_proxy(bench, emulator, proxy):
    """The environment of a user behind a proxy: default endpoints, the test CA trusted."""
    return bench.environment(emulator, {"HTTPS_PROXY": proxy.url, "SSL_CERT_FILE": str(bench.TLS / "ca.pem")})


def cvmsh(bench, *script, output=None):
    """cvmsh with the default endpoint (no --endpoint), one -c per command."""
    argv = [bench.CVMSH, "-q", "-X", "-y", "--region", REGIONS[0]]
    if output:
        argv += ["--output", output]
    for line in script:
        argv += ["-c", line]
    return argv


def own_shareable(state, region):
    return [image["imageId"] for r in state["regions"] if r["region"] == region for image in r["images"]
            if image.get("ownerAccountId") == DEMO_ACCOUNT and image["imageState"] == "NORMAL"
            and image["licenseType"] != "BYOL" and not image.get("encrypted")]


def hosts(emulator):
    return Counter(call.get("host", "?") for call in emulator.calls())


def ratio_text(numerator, values):
    return f"{numerator / statistics.median(values):.3f} ({numerator / max(values):.3f}–{numerator / min(values):.3f})"


# --------------------------------------------------------------------------- S7

def s7(bench):
    bench.log("S7 share 150 images x 2 accounts in each of 3 regions: regional endpoints vs the nearest one")
    n, accounts, L = 150, bench.ACCOUNTS[:2], bench.LATENCY_MS / 1000
    runs = max(2, bench.RUNS // 2)
    times = {"regional": [], "nearest": []}
    wrong, seen_hosts, bounds = [], {}, {}
    for mode in ("regional", "nearest"):
        for i in range(runs):
            with bench.Emulator(n, bench.LATENCY_MS, tls=True, regions=REGIONS) as emu, bench.Proxy(emu) as proxy:
                env = through_proxy(bench, emu, proxy)
                script = ["endpoint nearest"] if mode == "nearest" else []
                script += ["region " + ",".join(REGIONS), "select all", "share " + ",".join(accounts)]
                seconds, _, done = bench.timed(cvmsh(bench, *script), env, check=False)
                seen_hosts[mode] = dict(hosts(emu))
            state = emu.dump()
            shareable = {region: own_shareable(state, region) for region in REGIONS}
            bounds["regional"] = max(bench.window_bound([L] * len(ids), READ_RATE, L) for ids in shareable.values())
            bounds["nearest"] = bench.window_bound([L] * sum(map(len, shareable.values())), READ_RATE, L)
            problems = exact_shares(state, shareable, accounts)
            if problems or done.returncode != 0:
                wrong.append(f"{mode} run {i + 1}: exit {done.returncode}, {len(problems)} images wrong, "
                             + done.stderr.decode(errors="replace")[-300:])
            times[mode].append(seconds)
            bench.log(f"  S7 {mode} run {i + 1}: {seconds:.2f} s, hosts {seen_hosts[mode]}")
    r, near = times["regional"], times["nearest"]
    bench.RESULTS["scenarios"]["S7"] = {"times": times, "bounds": bounds, "hosts": seen_hosts, "wrong": wrong}
    bench.row("S7", "final state exact (from --dump)", "every run" if not wrong else "; ".join(wrong), "exact",
              not wrong)
    speedup = statistics.median(near) / statistics.median(r)
    bench.row("S7", "nearest endpoint / regional endpoints", f"{speedup:.2f}× ({min(near) / max(r):.2f}–"
              f"{max(near) / min(r):.2f})", "≥ 2.7×", speedup >= 2.7)
    bench.row("S7", f"regional / per-region bound ({bounds['regional']:.1f} s)",
              f"{statistics.median(r) / bounds['regional']:.3f}", "≤ 1.15",
              statistics.median(r) / bounds["regional"] <= 1.15)


def exact_shares(state, shareable, accounts):
    """Every shareable image of each region has exactly `accounts`, every other own image none."""
    problems = []
    for region in state["regions"]:
        wanted = set(shareable.get(region["region"], []))
        for image in region["images"]:
            if image.get("ownerAccountId") != DEMO_ACCOUNT:
                continue
            got = {share["accountId"] for share in image.get("shares", [])}
            expect = set(accounts) if image["imageId"] in wanted else set()
            if got != expect:
                problems.append(f"{region['region']} {image['imageId']}: {sorted(got)}")
    return problems


# --------------------------------------------------------------------------- S8

def s8(bench):
    bench.log(f"S8 publish 20 images to 3 regions, copies taking {COPY_SECONDS} s")
    L = bench.LATENCY_MS / 1000
    accounts = bench.ACCOUNTS[:2]
    totals, delays, wrong = [], [], []
    for i in range(max(1, bench.RUNS // 3)):
        with bench.Emulator(20, bench.LATENCY_MS, tls=True, regions=[REGIONS[0]],
                            extra=["--copy-seconds", str(COPY_SECONDS)]) as emu, bench.Proxy(emu) as proxy:
            env = through_proxy(bench, emu, proxy)
            script = ["select all", f"publish {','.join(REGIONS[1:])} {','.join(accounts)}"]
            seconds, _, done = bench.timed(cvmsh(bench, *script), env, check=False)
            calls = emu.calls()
        state = emu.dump()
        if done.returncode != 0:
            wrong.append(f"run {i + 1}: exit {done.returncode}: " + done.stderr.decode(errors="replace")[-300:])
        totals.append(seconds)
        delays += share_delays(calls, state, COPY_SECONDS)
        bench.log(f"  S8 run {i + 1}: {seconds:.2f} s, {len(delays)} copy share delays so far")
    # The bound of the shares: each region's 20 share calls (at most) at 10/s through its own
    # access point, the regions in parallel.
    share_bound = bench.window_bound([L] * 20, READ_RATE, L)
    target = COPY_SECONDS + 3 + share_bound
    median_delay = statistics.median(delays) if delays else float("nan")
    bench.RESULTS["scenarios"]["S8"] = {"totals": totals, "delays": delays, "wrong": wrong, "target": target}
    bench.row("S8", "exit status", "0 in every run" if not wrong else "; ".join(wrong), "0", not wrong)
    bench.row("S8", "publish total", f"{statistics.median(totals):.1f} s ({min(totals):.1f}–{max(totals):.1f})",
              f"≤ T + 3 s + share bound = {target:.1f} s", statistics.median(totals) <= target)
    bench.row("S8", "median copy NORMAL → its share call", f"{median_delay:.2f} s (n={len(delays)})", "≤ 1.5 s",
              median_delay <= 1.5)


def share_delays(calls, state, copy_seconds):
    """For each copy: its first share call's arrival minus the moment it turned NORMAL (its
    SyncImages call's arrival plus the copy time). Copies are found by name in the destinations."""
    names = {image["imageId"]: image.get("imageName") for region in state["regions"] for image in region["images"]}
    by_name = {(region["region"], image.get("imageName")): image["imageId"]
               for region in state["regions"] if region["region"] != REGIONS[0] for image in region["images"]
               if image.get("ownerAccountId") == DEMO_ACCOUNT}
    ready = {}
    for call in calls:
        if call["action"] != "SyncImages" or call.get("errorCode"):
            continue
        parameters = call.get("parameters") or {}
        source = (parameters.get("ImageIds") or [None])[0]
        for region in parameters.get("DestinationRegions") or []:
            copy = by_name.get((region, names.get(source)))
            if copy:
                ready[copy] = call["at"] + copy_seconds
    first_share = {}
    for call in calls:
        image_id = (call.get("parameters") or {}).get("ImageId")
        if call["action"] == "ModifyImageSharePermission" and image_id in ready and image_id not in first_share:
            first_share[image_id] = call["at"]
    return [max(0.0, first_share[copy] - at) for copy, at in ready.items() if copy in first_share]


# --------------------------------------------------------------------------- S9 / S10

def read_bound_runs(bench, scenario, script_for, output=None):
    """Runs `script_for(work)` over 167 images in each of 3 regions; returns (times, bound, exit
    statuses). The bound: each region's list page (one latency), then its share lists at 10/s
    through its own access point, the regions in parallel."""
    L, per_region = bench.LATENCY_MS / 1000, 167
    times, failures = [], []
    bound = bench.window_bound([L] * per_region, READ_RATE, L)
    for i in range(max(2, bench.RUNS // 2)):
        with bench.Emulator(per_region, bench.LATENCY_MS, tls=True, regions=REGIONS) as emu, \
                bench.Proxy(emu) as proxy:
            env = through_proxy(bench, emu, proxy)
            script = script_for(bench.WORK)
            seconds, _, done = bench.timed(cvmsh(bench, *script, output=output), env, stdout=subprocess.PIPE,
                                           check=False)
            reads = sum(1 for c in emu.calls() if c["action"] == "DescribeImageSharePermission")
        failures.append(done.returncode)
        times.append(seconds)
        bench.log(f"  {scenario} run {i + 1}: {seconds:.2f} s, exit {done.returncode}, {reads} share-list reads")
    return times, bound, failures


def s9(bench):
    bench.log("S9 audit 501 images in 3 regions (read bound: 10 share-list reads/s per access point)")
    times, bound, statuses = read_bound_runs(
        bench, "S9", lambda _: ["region " + ",".join(REGIONS), "audit --allow " + bench.ACCOUNTS[0]])
    bench.RESULTS["scenarios"]["S9"] = {"times": times, "bound": bound, "statuses": statuses}
    median = statistics.median(times)
    bench.row("S9", f"audit / read bound ({bound:.1f} s)", f"{median / bound:.3f} (exit {statuses})", "≤ 1.15",
              median / bound <= 1.15)


def s10(bench):
    bench.log("S10 plan a share file over 501 images in 3 regions")

    def script(work):
        path = work / "s10-shares.yaml"
        path.write_text(json.dumps({"regions": REGIONS, "shares": [
            {"images": "all", "accounts": bench.ACCOUNTS[:2]}]}))
        return [f"plan {path}"]

    times, bound, statuses = read_bound_runs(bench, "S10", script)
    bench.RESULTS["scenarios"]["S10"] = {"times": times, "bound": bound, "statuses": statuses}
    median = statistics.median(times)
    bench.row("S10", f"plan / read bound ({bound:.1f} s)", f"{median / bound:.3f} (exit {statuses})", "≤ 1.15",
              median / bound <= 1.15)
