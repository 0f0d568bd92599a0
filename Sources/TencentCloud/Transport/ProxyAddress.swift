import Foundation

/// An HTTPS proxy as `HTTPS_PROXY` gives it: `http://[USER:PASSWORD@]HOST[:PORT][/]` or
/// `HOST[:PORT]` (port 80 when none is given). The credentials, percent-decoded, go into the
/// `Proxy-Authorization: Basic …` header of the CONNECT request; ``description`` never shows them.
struct ProxyAddress: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var port: Int
    var username: String?
    var password: String?

    init?(_ value: String) {
        var rest = Substring(value)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") {
            let userinfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let colon = userinfo.firstIndex(of: ":")
            let user = colon.map { userinfo[..<$0] } ?? userinfo
            username = String(user).removingPercentEncoding ?? String(user)
            if let colon {
                let secret = userinfo[userinfo.index(after: colon)...]
                password = String(secret).removingPercentEncoding ?? String(secret)
            }
        }
        guard !rest.isEmpty else { return nil }
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]"),
            let number = Int(rest[rest.index(after: colon)...])
        {
            host = String(rest[..<colon])
            port = number
        } else {
            host = String(rest)
            port = 80
        }
        guard !host.isEmpty else { return nil }
    }

    /// `HOST:PORT`, without the credentials.
    var description: String { "\(host):\(port)" }
}
