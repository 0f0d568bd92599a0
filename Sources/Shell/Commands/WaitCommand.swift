import CVM
import TencentCloud

/// `wait [--timeout DURATION]`: waits until the selected images and their known copies are NORMAL.
public enum WaitCommand: ShellCommand {
    public static let signature = CommandSignature(
        "wait",
        flags: [
            .option(
                "--timeout", value: "DURATION",
                help: "give up after this long: 90, 90s, 15m, 2h (default 1h)")
        ],
        summary: "wait until the selected images and copies are NORMAL",
        details: """
            Waits until every selected image and every known copy of it (made by `sync` or
            `publish`, in any region) is NORMAL, showing per region how many are and the
            SyncPercent of the others. It reads the images by id, first after half a second, then
            as their SyncPercent says: again soon after the first copy should be done, and less
            and less often (at most every 10 s) while none moves, well inside the DescribeImages
            rate. Ctrl-C stops waiting (the copies go on). It fails when the time runs out, naming
            the images not NORMAL yet, and at once when an image is gone or its copy failed.
            """,
        examples: ["sync ap-tokyo -y", "wait", "wait --timeout 30m"])

    /// The default `--timeout`.
    static let defaultTimeout = Duration.seconds(3600)

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let timeout = try args.value("--timeout").map(parseDuration) ?? defaultTimeout
        let region = try shell.requireRegion()
        let selection = try shell.requireSelection(name)
        var watch = ImageWatch(targets: [(region, selection)])
        let records = try shell.copyRecords()
        var copies: [(region: String, ids: [String])] = []
        for record in records.records where selection.contains(record.source) && record.region != region {
            if let index = copies.firstIndex(where: { $0.region == record.region }) {
                copies[index].ids.append(record.copy)
            } else {
                copies.append((record.region, [record.copy]))
            }
        }
        watch.targets += copies
        let client = try shell.client()
        let started = ContinuousClock.now
        var interval = Duration.milliseconds(500)
        var previous: (at: ContinuousClock.Instant, seen: [String: (state: String, percent: Int?)])?
        var shown: [String] = []
        defer { shell.console.progress(nil) }
        while true {
            do {
                try await watch.poll(client)
            } catch {
                throw ShellError(error)
            }
            // The lines again at each quarter of a copy and each change of state; the console's
            // progress line (a terminal only) follows every poll.
            if watch.milestone != shown {
                for line in watch.lines { shell.inform(line) }
                shown = watch.milestone
            } else {
                shell.console.progress(watch.lines.joined(separator: "; "))
            }
            if watch.pending.isEmpty {
                let total = watch.targets.reduce(0) { $0 + $1.ids.count }
                shell.inform("wait: all \(counted(total, "image")) NORMAL")
                return
            }
            if !watch.failed.isEmpty {
                throw .failed("wait: will not become NORMAL: \(watch.failed.joined(separator: ", "))")
            }
            let now = ContinuousClock.now
            if let previous { interval = watch.nextPoll(after: now - previous.at, before: previous.seen) }
            previous = (now, watch.seen)
            let elapsed = now - started
            guard elapsed < timeout else {
                throw .failed("wait: timed out; not NORMAL yet: \(watch.pending.joined(separator: ", "))")
            }
            do {
                try await Task.sleep(for: min(interval, timeout - elapsed))
            } catch {
                throw .interrupted
            }
        }
    }

    /// `90`, `90s`, `15m`, `2h`.
    static func parseDuration(_ text: String) throws(ShellError) -> Duration {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600]
        let unit = text.last.flatMap { units[$0] }
        let digits = unit == nil ? Substring(text) : text.dropLast()
        guard let value = Int64(digits), value > 0, value < 1_000_000 else {
            throw .usage("wait: --timeout \(text): expected a duration such as 90, 90s, 15m or 2h")
        }
        return .seconds(value * (unit ?? 1))
    }
}
