import CVM
import TencentCloud

extension Interpreter {
    /// The destination regions `words` name (commas or spaces): known to DescribeRegions, not
    /// the current region, each once.
    func destinationRegions(_ words: [String], command: String) async throws(ShellError) -> [String] {
        let current = try requireRegion()
        guard session.regionSet.count <= 1 else {
            throw .usage("\(command): copies are made from one region; run `region \(current)` (or another) first")
        }
        let known = try await regions().map(\.region)
        var result: [String] = []
        for word in words {
            for item in word.split(separator: ",").map(String.init) where !result.contains(item) {
                guard known.contains(item) else {
                    throw .usage("\(command): unknown region \(item); `regions` lists them")
                }
                guard item != current else {
                    throw .usage("\(command): \(item) is the images' own region; name other regions")
                }
                result.append(item)
            }
        }
        guard !result.isEmpty else { throw .usage("\(command): expected destination regions") }
        return result
    }

    /// The plan to copy the selection to `destinations`: each destination's own images (for
    /// copies already there, by name) and custom-image quota are read first, every destination
    /// at once (each has its own API host with the default endpoint).
    func syncPlan(_ inputs: BatchInputs, to destinations: [String]) async throws(ShellError) -> SyncPlan {
        let client = try client()
        let facts = try await readRegions(destinations) { region throws(TencentCloudError) -> DestinationFacts in
            let own = try await client.listAllImages(region: region)
            let quota = try await client.describeImageQuota(region: region)
            var names: [String: String] = [:]
            for image in own { if let name = image.imageName, names[name] == nil { names[name] = image.imageId } }
            return DestinationFacts(region: region, ownNames: names, ownCount: own.count, quota: quota)
        }
        return SyncPlanner.plan(selection: inputs.selection, images: inputs.images, destinations: facts.map(\.1))
    }

    /// Shows `plan` and asks as `share` does. Returns `false` when nothing is to be sent.
    func confirm(
        _ plan: SyncPlan, _ request: BatchRequest, question: String = "copy now? [y/N] "
    ) async throws(ShellError) -> Bool {
        let detailed = request.dryRun || plan.items.count <= SharePlan.compactThreshold
        for line in plan.describedLines(detailed: detailed) { console.diagnostic(line) }
        if request.dryRun {
            for line in plan.callLines { console.line(line) }
            console.diagnostic("dry run: \(counted(plan.callLines.count, "SyncImages call")) would be sent; none was")
            return false
        }
        if plan.isEmpty {
            console.diagnostic("\(request.command): nothing to copy")
            return false
        }
        guard isInteractive, session.settings.confirm, !request.yes else { return true }
        guard await console.confirm(question) else {
            throw .failed("\(request.command) cancelled; nothing was changed")
        }
        return true
    }
}

extension SyncPlan {
    /// The plan in words: a headline, then (when `detailed`) a line per image.
    func describedLines(detailed: Bool) -> [String] {
        let images = counted(items.count, "image")
        var lines = [
            "sync: \(images) from \(sourceRegion) to \(destinations.joined(separator: ", ")): "
                + "\(copiesText(copyCount)) to make"
        ]
        guard detailed else { return lines + ["  (use --dry-run to see every image and call)"] }
        for item in items {
            var parts: [String] = []
            if !item.copyTo.isEmpty { parts.append("copy to \(item.copyTo.joined(separator: ", "))") }
            for skip in item.skipped {
                let existing = skip.existing.map { " (\($0))" } ?? ""
                parts.append("\(skip.region): \(skip.reason.text)\(existing)")
            }
            lines.append("  \(item.imageId) \(item.name): \(parts.joined(separator: "; "))")
        }
        return lines
    }

    /// The exact SyncImages calls, one per image with copies to make.
    var callLines: [String] {
        items.filter { !$0.copyTo.isEmpty }.map { item in
            "SyncImages Region=\(sourceRegion) ImageIds=\(item.imageId) "
                + "DestinationRegions=\(item.copyTo.joined(separator: ",")) ImageName=\(Tokenizer.quoted(item.name)) "
                + "ImageSetRequired=true"
        }
    }
}

extension Interpreter {
    /// The newest copy batch that did not finish, if it started after `time` (the newest
    /// unfinished share batch's), so `resume` finishes the later of the two.
    func incompleteSync(newerThan time: String?) throws(ShellError) -> SyncBatch? {
        guard let last = try readSyncBatches().last(where: { !$0.isComplete }) else { return nil }
        if let time, time > last.time { return nil }
        return last
    }

    /// Finishes the copy batch `batch`: the same plan, minus what the journal shows done.
    func resumeSync(_ batch: SyncBatch, _ request: BatchRequest) async throws(ShellError) {
        do {
            try BatchLock.requireFree(journal: services.paths.journalFile, batch: batch.id)
        } catch {
            throw .failed("resume: \(error); nothing was changed")
        }
        guard batch.plan.sourceRegion == session.region else {
            throw .failed(
                "resume: batch \(batch.id) copies from \(batch.plan.sourceRegion); run `region "
                    + "\(batch.plan.sourceRegion)` first")
        }
        try requireConfirmable(request)
        console.diagnostic("resume: batch \(batch.id) (sync, started \(batch.time))")
        var rest = batch.plan
        for index in rest.items.indices { rest.items[index].copyTo = batch.remaining(rest.items[index]) }
        if request.dryRun {
            _ = try await confirm(rest, request)
            return
        }
        if !rest.isEmpty, isInteractive, session.settings.confirm, !request.yes {
            for line in rest.describedLines(detailed: true) { console.diagnostic(line) }
            guard await console.confirm("copy now? [y/N] ") else {
                throw .failed("resume cancelled; nothing was changed")
            }
        }
        let (batchId, results) = try await runSync(batch.plan, resuming: batch)
        if session.interruptedBatch == batchId { session.interruptedBatch = nil }
        try await reportSync(results, batchId: batchId)
    }
}
