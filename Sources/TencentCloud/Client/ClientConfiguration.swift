/// Everything about how the API client talks to Tencent Cloud, except the credentials.
public struct ClientConfiguration: Sendable {
    public var endpoint: Endpoint
    /// `X-TC-Language`: `en-US` or `zh-CN`; changes only error message text.
    public var language: String
    /// `X-TC-RequestClient`, e.g. `cvmsh/0.1.0`; helps Tencent Cloud support trace calls.
    public var requestClient: String
    public var retry: RetryPolicy
    /// Whether calls are throttled to each action's declared limit (``Action/rateLimit``).
    public var rateLimits: RateLimits

    public init(
        endpoint: Endpoint = .official, language: String = "en-US", requestClient: String,
        retry: RetryPolicy = RetryPolicy(), rateLimits: RateLimits = .documented
    ) {
        self.endpoint = endpoint
        self.language = language
        self.requestClient = requestClient
        self.retry = retry
        self.rateLimits = rateLimits
    }
}
