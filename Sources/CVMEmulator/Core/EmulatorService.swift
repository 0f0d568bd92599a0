import Foundation
import Synchronization
import TencentCloudCore

/// The emulator's whole behaviour, without sockets: give it a request, get the response and
/// what to do with the connection. Thread-safe; calls are processed one at a time.
public final class EmulatorService: Sendable {
    private struct Storage {
        var state: EmulatorState
        var limiter = RateLimiter()
        var faults: FaultInjector
        var calls: [EmulatorCall] = []
        var listing = ListingOrder()
        /// Ids of the copies SyncImages makes.
        var copyIds: SplitMix64
        /// Whether some image has a copy in progress (only then is time applied to images).
        var copying: Bool
    }

    private let storage: Mutex<Storage>
    private let clock: EmulatorClock
    private let rateLimit: RateLimit
    private let strict: Bool
    private let latency: Duration
    private let maxAccountIdsPerCall: Int?
    private let copies: CopyBehaviour
    private let failActions: Set<String>?
    private let log: CallLog?

    /// A service over `options.state` with the options' limits, faults and clock; opens the
    /// call log when `options.logPath` is set.
    public init(options: EmulatorOptions) throws {
        storage = Mutex(
            Storage(
                state: options.state,
                faults: FaultInjector(seed: options.seed, rate: options.failRate, kinds: options.failKinds),
                copyIds: SplitMix64(seed: options.seed ^ 0x5359_4E43), copying: options.state.hasCopiesInProgress))
        clock = options.clock
        rateLimit = options.rateLimit
        strict = options.strict
        latency = options.latency
        maxAccountIdsPerCall = options.maxAccountIdsPerCall
        failActions = options.failActions
        copies = CopyBehaviour(seconds: options.copySeconds, sourceSyncing: options.sourceSyncing)
        log = try options.logPath.map { try CallLog(path: $0) }
    }

    /// Every call so far, oldest first.
    public func calls() -> [EmulatorCall] {
        storage.withLock { $0.calls }
    }

    /// The current state (with every share change and copy applied so far, copies brought to now).
    public func state() -> EmulatorState {
        let now = clock.now()
        return storage.withLock { storage in
            if storage.copying { storage.copying = storage.state.advanceCopies(to: now) }
            return storage.state
        }
    }

    /// The accounts `imageId` in `region` is shared with, oldest share first.
    public func shares(of imageId: String, region: String) -> [String] {
        storage.withLock { $0.state.image(imageId, region: region)?.shares.map(\.accountId) ?? [] }
    }

    /// Closes the call log.
    public func close() {
        log?.close()
    }

    /// Answers one request. Calls are processed, and recorded, one at a time in arrival order.
    public func handle(_ request: EmulatorRequest) -> EmulatorResponse {
        let started = ContinuousClock.now
        let now = clock.now()
        let requestId = UUID().uuidString.lowercased()
        let (body, call, fault) = storage.withLock { storage in
            if storage.copying { storage.copying = storage.state.advanceCopies(to: now) }
            var outcome = Outcome()
            let result = process(request, now: now, storage: &storage, outcome: &outcome)
            let body = Self.envelope(result, requestId: requestId)
            let elapsed = ContinuousClock.now - started + latency
            let call = EmulatorCall(
                time: ISOTime.format(Int(now)), action: request.header("x-tc-action") ?? "",
                region: request.header("x-tc-region"), accountId: outcome.accountId,
                parameters: String(decoding: request.body, as: UTF8.self), errorCode: result.errorCode,
                requestId: requestId, fault: outcome.fault,
                ms: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15,
                host: request.header("host"), at: (now * 1000).rounded() / 1000)
            storage.calls.append(call)
            log?.append(call)
            return (body, call, outcome.fault)
        }
        let dropped = fault == .drop || fault == .dropAfter
        return EmulatorResponse(
            status: 200, contentType: "application/json", body: body.bytes, delay: latency,
            disposition: dropped ? .closeWithoutAnswer : .respond, call: call)
    }

    /// `{"Response": {…, "RequestId": …}}` or `{"Response": {"Error": {…}, "RequestId": …}}`.
    private static func envelope(_ result: Result<[JSONValue.Member], APIError>, requestId: String) -> JSONValue {
        var fields: [JSONValue.Member]
        switch result {
        case .success(let members):
            fields = members
        case .failure(let error):
            fields = [
                JSONValue.Member(
                    "Error",
                    .object([
                        JSONValue.Member("Code", .string(error.code.rawValue)),
                        JSONValue.Member("Message", .string(error.message)),
                    ]))
            ]
        }
        fields.append(JSONValue.Member("RequestId", .string(requestId)))
        return .object([JSONValue.Member("Response", .object(fields))])
    }

    /// What processing learnt besides the answer.
    private struct Outcome {
        var accountId: String?
        var fault: FaultKind?
    }

    private func process(
        _ request: EmulatorRequest, now: Double, storage: inout Storage, outcome: inout Outcome
    ) -> Result<[JSONValue.Member], APIError> {
        do throws(APIError) {
            guard request.method == "POST" else {
                throw APIError("UnsupportedProtocol", "The emulator accepts only POST requests with a JSON body.")
            }
            guard let actionName = request.header("x-tc-action") else { throw APIError.missingParameter("Action") }
            guard let version = request.header("x-tc-version") else { throw APIError.missingParameter("Version") }
            guard let header = request.header("authorization"), let authorization = TC3Authorization(header: header)
            else {
                throw APIError(.invalidAuthorization, "The Authorization header is missing or malformed.")
            }
            let action = try Action.route(service: authorization.service, version: version, action: actionName)
            if strict { try action.checkHost(request.header("host")) }
            guard let contentType = request.header("content-type"),
                contentType.lowercased().hasPrefix("application/json")
            else {
                throw APIError.invalidParameter("The Content-Type must be application/json.")
            }
            let caller = try Authenticator.authenticate(
                request, authorization: authorization, state: storage.state, now: now)
            outcome.accountId = caller.accountId

            if let limit = rateLimit.limit(for: action.declaration),
                !storage.limiter.allow(
                    secretId: authorization.secretId, host: request.header("host") ?? "", action: action.rawValue,
                    limit: limit, now: now)
            {
                throw APIError(
                    .requestLimitExceeded,
                    "Your current request times exceeds the frequency limit of \(limit) requests per second "
                        + "for `\(action.rawValue)`. Please reduce the frequency of calls.")
            }
            if failActions?.contains(action.rawValue) ?? true { outcome.fault = storage.faults.next() }
            switch outcome.fault {
            case .internalError: throw APIError.internalError
            case .drop: return .success([])
            case .dropAfter, nil: break
            }
            return .success(try perform(action, request: request, caller: caller, now: now, storage: &storage))
        } catch {
            return .failure(error)
        }
    }

    private func perform(
        _ action: Action, request: EmulatorRequest, caller: Caller, now: Double, storage: inout Storage
    ) throws(APIError) -> [JSONValue.Member] {
        // CVM DescribeRegions documents Region as optional and ignores one when sent; strict
        // mode requires it, as a gateway may.
        let region = request.header("x-tc-region").flatMap { $0.isEmpty ? nil : $0 }
        if region == nil, action.declaration.region.isRequired(strict: strict) {
            throw APIError.missingParameter("Region")
        }
        if action == .describeOrganizationMembers {
            let parameters = try Parameters(body: request.body, allowed: action.parameterNames)
            let context = ActionContext(caller: caller, parameters: parameters, now: now)
            return try Action.describeOrganizationMembers(context, organization: storage.state.organization)
        }
        guard action.declaration.region == .required else {
            _ = try Parameters(body: request.body, allowed: action.parameterNames)
            return Action.describeRegions(storage.state)
        }
        guard let region else { throw APIError.missingParameter("Region") }
        guard let regionIndex = storage.state.regions.firstIndex(where: { $0.region == region }) else {
            throw APIError(.unsupportedRegion, "The action `\(action.rawValue)` does not support region `\(region)`.")
        }
        let context = ActionContext(
            caller: caller,
            parameters: try Parameters(body: request.body, allowed: action.parameterNames),
            now: now, maxAccountIdsPerCall: maxAccountIdsPerCall)
        switch action {
        case .describeRegions:
            return Action.describeRegions(storage.state)
        case .describeImageQuota:
            return Action.describeImageQuota(context, state: storage.state)
        case .getCallerIdentity:
            return Action.getCallerIdentity(context)
        case .describeImages:
            let region = storage.state.regions[regionIndex]
            return try Action.describeImages(context, region: region, order: storage.listing.positions(of: region))
        case .describeImageSharePermission:
            return try Action.describeImageSharePermission(context, region: storage.state.regions[regionIndex])
        case .describeOrganizationMembers:
            return try Action.describeOrganizationMembers(context, organization: storage.state.organization)
        case .modifyImageSharePermission:
            let accounts = storage.state.accounts
            return try Action.modifyImageSharePermission(
                context, region: &storage.state.regions[regionIndex], accounts: accounts)
        case .syncImages:
            defer { storage.copying = storage.state.hasCopiesInProgress }
            return try Action.syncImages(
                context, regionIndex: regionIndex, state: &storage.state, behaviour: copies, ids: &storage.copyIds)
        case .describeImageFromFamily:
            let region = storage.state.regions[regionIndex]
            return try Action.describeImageFromFamily(
                context, region: region, order: storage.listing.positions(of: region))
        case .modifyImageAttribute:
            return try Action.modifyImageAttribute(
                context, region: &storage.state.regions[regionIndex], strict: strict)
        }
    }
}

extension Result where Failure == APIError {
    /// The error code, `nil` for success.
    fileprivate var errorCode: String? {
        if case .failure(let error) = self { return error.code.rawValue }
        return nil
    }
}
