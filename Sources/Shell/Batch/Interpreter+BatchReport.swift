import TencentCloudCore

extension Interpreter {
    /// The widest line a batch prints.
    var batchLineWidth: Int { BatchEngine.lineWidth(console) }

    /// Prints the summary record: counts per outcome, failures with code and RequestId, batch
    /// id; each account the service refused once, with the number of images it was left out of.
    /// In the table and TSV formats a long failure list is summarised (counts per code and the
    /// first few); `--output json` and the journal have every failure.
    func report(_ result: BatchResult, plan: SharePlan) async {
        reportBadAccounts(result)
        let counts = result.counts
        var fields = [
            Record.Field(key: "batch", label: "batch", value: .init(.string(result.batchId))),
            Record.Field(key: "operation", label: "operation", value: .init(.string(result.operation.rawValue))),
            Record.Field(key: "images", label: "images", value: .init(.int(plan.images.count))),
        ]
        for kind in OutcomeKind.allCases {
            let count = counts[kind]
            guard count > 0 || kind == .failed else { continue }
            let emphasis: Emphasis? = kind.isProblem && count > 0 ? .red : nil
            fields.append(.init(key: kind.rawValue, label: kind.label, value: .init(.int(count), emphasis: emphasis)))
        }
        let failures = result.failures(order: plan.images.map(\.imageId))
        if !failures.isEmpty {
            let value: JSONValue
            if session.settings.output == .json {
                value = .array(
                    failures.map { failure in
                        let accounts = failure.accounts.joined(separator: ",")
                        return .string("\(failure.imageId) \(accounts): \(BatchEngine.describe(failure.outcome))")
                    })
            } else {
                value = .string(BatchEngine.fitted(Self.failureSummary(failures), batchLineWidth - 12))
            }
            fields.append(.init(key: "failures", label: "failures", value: .init(value)))
        }
        if plan.regions.count > 1 { fields.append(regionsField(result, plan: plan)) }
        fields.append(.init(key: "calls", label: "calls", value: .init(.int(result.calls))))
        fields.append(.init(key: "reads", label: "reads", value: .init(.int(result.reads))))
        let seconds = JSONValue.number((result.elapsed.seconds * 10).rounded() / 10)
        fields.append(.init(key: "seconds", label: "seconds", value: .init(seconds)))
        await render(Record(fields: fields))
    }

    /// The counts per region of a batch over several regions: `ap-nanjing 20 shared, 0 failed;
    /// ap-tokyo 4 shared, 0 failed` (an object of counts per region in JSON).
    private func regionsField(_ result: BatchResult, plan: SharePlan) -> Record.Field {
        var members: [JSONValue.Member] = []
        var texts: [String] = []
        for section in plan.sections {
            let counts = OutcomeCounts(section.images.flatMap { (result.outcomes[$0.imageId] ?? [:]).values })
            let shown = OutcomeKind.allCases.filter { counts[$0] > 0 || $0 == .failed }
            members.append(.init(section.region, .object(shown.map { .init($0.rawValue, .int(counts[$0])) })))
            texts.append(section.region + " " + shown.map { "\(counts[$0]) \($0.label)" }.joined(separator: ", "))
        }
        return .init(
            key: "regions", label: "regions", value: .init(.object(members), display: texts.joined(separator: "; ")))
    }

    /// One line per refused account: `failed: account 100087654321: InvalidAccountId.NotFound: …
    /// (left out of 116 images)`; your own account is a warning.
    private func reportBadAccounts(_ result: BatchResult) {
        for (account, outcome) in result.badAccounts.sorted(by: { $0.key < $1.key }) {
            let images = result.outcomes.values.filter { $0[account]?.kind == outcome.kind }.count
            let count = counted(images, "image")
            if case .skipped(.ownAccount) = outcome {
                warn("\(account) is your own account (the service refuses sharing to yourself); skipped on \(count)")
            } else {
                let line = "failed: account \(account): \(BatchEngine.describe(outcome)) (left out of \(count))"
                console.diagnostic(BatchEngine.fitted(line, batchLineWidth))
            }
        }
    }

    /// `118 failed pairs: 116 InvalidAccountId.NotFound, 2 InternalError; first: img-… 1000…: …`.
    static func failureSummary(_ failures: [(imageId: String, accounts: [String], outcome: PairOutcome)]) -> String {
        var perCode: [String: Int] = [:]
        for failure in failures {
            guard case .failed(let code, _, _) = failure.outcome else { continue }
            perCode[code, default: 0] += failure.accounts.count
        }
        let total = perCode.values.reduce(0, +)
        let codes = perCode.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let first = failures.prefix(2).map { "\($0.imageId) \(BatchEngine.abbreviated($0.accounts))" }
            .joined(separator: "; ")
        let more = failures.count > 2 ? "; +\(failures.count - 2) more (--output json, `journal`)" : ""
        return "\(counted(total, "failed pair")): \(codes); first: \(first)\(more)"
    }
}
