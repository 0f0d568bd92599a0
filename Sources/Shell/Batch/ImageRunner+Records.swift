import TencentCloud

extension ImageRunner {
    /// A `send` or `call` record of this image.
    func record(
        _ kind: JournalRecord.Kind, accounts: [String], result: String? = nil, requestId: String? = nil,
        attempt: Int? = nil
    ) -> JournalRecord {
        var record = JournalRecord(kind: kind, batch: batchId)
        record.image = plan.imageId
        record.region = plan.region
        record.accounts = accounts
        record.permission = operation.change.rawValue
        record.result = result
        record.requestId = requestId
        record.attempt = attempt
        return record
    }

    /// The `call` record of a failed change.
    func failureRecord(_ accounts: [String], _ error: TencentCloudError) -> JournalRecord {
        let result = error.isAmbiguous ? "ambiguous" : "error"
        var record = record(.call, accounts: accounts, result: result, requestId: error.requestId)
        record.code = Self.code(of: error)
        record.message = error.description
        return record
    }

    /// The `image` record: every pair's final outcome.
    func imageRecord(_ outcomes: [String: PairOutcome]) -> JournalRecord {
        var record = JournalRecord(kind: .image, batch: batchId)
        record.image = plan.imageId
        record.region = plan.region
        record.outcomes = outcomes
        return record
    }

    /// The failed outcome for `error`.
    static func failure(_ error: TencentCloudError) -> PairOutcome {
        let message: String
        if case .api(let api) = error { message = api.message } else { message = error.description }
        return .failed(code: code(of: error), message: message, requestId: error.requestId)
    }

    /// The outcome of a known-bad account's pairs in later images: its failure, without the
    /// RequestId of a call that was not about them.
    static func leftOut(_ outcome: PairOutcome) -> PairOutcome {
        guard case .failed(let code, let message, _) = outcome else { return outcome }
        return .failed(code: code, message: message, requestId: nil)
    }

    /// The API error code, or a name for the kind of local failure.
    static func code(of error: TencentCloudError) -> String {
        switch error {
        case .api(let api): api.code.rawValue
        case .transport: "cvmsh.Transport"
        case .decoding: "cvmsh.Decoding"
        case .credential: "cvmsh.Credential"
        case .cancelled: "cvmsh.Cancelled"
        }
    }
}
