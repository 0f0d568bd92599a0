import CVM
import Foundation
import TencentCloud

/// How a share-changing command was asked to run.
struct BatchRequest {
    /// The command's name, for messages.
    var command: String
    var dryRun: Bool
    var yes: Bool
}

/// What a share-changing command works on, gathered before its plan is made.
struct BatchInputs {
    var request: BatchRequest
    var images: ImageCache
    /// The selected image ids, in list order (never empty).
    var selection: [String]
    /// The caller's root account, when it could be learnt.
    var ownAccountId: String?
}

extension Interpreter {
    /// Checks, in this order and before any change, that the command may change shares here,
    /// that the image list is known and something is selected, and learns the caller's account.
    func batchInputs(_ command: String, _ args: Arguments) async throws(ShellError) -> BatchInputs {
        let request = batchRequest(command, args)
        try requireConfirmable(request)
        let images = try await images()
        let selection = try requireSelection(command)
        return BatchInputs(request: request, images: images, selection: selection, ownAccountId: await ownAccountId())
    }

    /// The request of a batch command: its `--dry-run` (or the session's) and `--yes` flags.
    func batchRequest(_ command: String, _ args: Arguments) -> BatchRequest {
        BatchRequest(command: command, dryRun: args.has("--dry-run") || session.dryRun, yes: args.has("--yes"))
    }

    /// Refuses a change in a script that has not said it may change shares, before any call.
    func requireConfirmable(_ request: BatchRequest) throws(ShellError) {
        guard !request.dryRun, !isInteractive, !request.yes, session.settings.confirm else { return }
        throw .failed(
            "\(request.command) changes who can use images and scripts are never asked: "
                + "add -y or run 'set confirm off' first")
    }

    /// The selected image ids, or an error saying how to select some.
    func requireSelection(_ command: String) throws(ShellError) -> [String] {
        guard !session.selection.isEmpty else {
            throw .failed(
                "\(command): nothing selected; select images first (e.g. `ls` then `select 1-5` or `select all`)")
        }
        return session.selection.ids
    }

    /// Shows `plan` and asks for confirmation per the conventions. Returns `false` when nothing
    /// is to be sent (a dry run, or an empty plan).
    func confirm(_ plan: SharePlan, _ request: BatchRequest) async throws(ShellError) -> Bool {
        for warning in plan.warnings { warn(warning) }
        let cache = session.images
        let names: (String) -> String? = { id in cache?.image(id)?.imageName }
        if request.dryRun {
            for line in plan.describedLines(detailed: true, names: names) { console.diagnostic(line) }
            await showCalls(plan)
            return false
        }
        if plan.isEmpty {
            for line in plan.describedLines(detailed: plan.images.count <= SharePlan.compactThreshold, names: names) {
                console.diagnostic(line)
            }
            console.diagnostic("\(request.command): nothing to change")
            return false
        }
        guard isInteractive else { return true }
        let detailed = plan.images.count <= SharePlan.compactThreshold
        for line in plan.describedLines(detailed: detailed, names: names) { console.diagnostic(line) }
        if !detailed { console.diagnostic("  (use --dry-run to see every image and call)") }
        guard session.settings.confirm, !request.yes else { return true }
        guard await console.confirm("\(plan.operation.rawValue) now? [y/N] ") else {
            throw .failed("\(request.command) cancelled; nothing was changed")
        }
        return true
    }

    /// Prints the exact ModifyImageSharePermission calls of `plan` (`--dry-run`).
    func showCalls(_ plan: SharePlan) async {
        if session.settings.output == .table {
            for line in plan.callLines { console.line(line) }
            let calls = counted(plan.calls.count, "ModifyImageSharePermission call")
            console.diagnostic("dry run: \(calls) would be sent; none was")
            return
        }
        var table = Table(columns: [
            .init("ACTION", key: "action"), .init("IMAGE ID", key: "ImageId"), .init("ACCOUNT IDS", key: "AccountIds"),
            .init("PERMISSION", key: "Permission"),
        ])
        let regional = plan.regions.count > 1
        if regional { table.columns.insert(.init("REGION", key: "Region"), at: 1) }
        for call in plan.calls {
            table.rows.append(
                ["ModifyImageSharePermission"] + (regional ? [.init(.string(call.region ?? plan.region))] : []) + [
                    .init(.string(call.imageId)),
                    .init(.array(call.accountIds.map { .string($0) })), .init(.string(call.permission.rawValue)),
                ])
        }
        await render(table)
    }

    /// Opens the journal, or explains why it cannot be, before anything changes.
    func openJournal() throws(ShellError) -> Journal {
        do {
            return try Journal.open(path: services.paths.journalFile)
        } catch {
            throw .failed("\(error); nothing was changed")
        }
    }

    /// Opens the journal and takes batch `batchId`'s lock beside it (release it when done); a
    /// lock another process holds fails the command before anything is changed.
    func openJournal(lockingBatch batchId: String) throws(ShellError) -> (journal: Journal, lock: BatchLock) {
        let journal = try openJournal()
        do {
            return (journal, try BatchLock.acquire(journal: journal.path, batch: batchId))
        } catch {
            throw .failed("\(error); nothing was changed")
        }
    }
}
