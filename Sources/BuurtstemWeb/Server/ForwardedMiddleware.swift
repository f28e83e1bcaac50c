import Foundation
import HTTPTypes
public import Hummingbird

extension HTTPField.Name {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}

/// Behind a reverse proxy (Caddy in `deploy/`), every request comes from the proxy's address: the
/// limiter would treat the whole neighbourhood as one client. When — and only when — the request
/// comes from an address in `trusted`, the client is the last address the proxy appended to
/// `X-Forwarded-For` and the scheme is its `X-Forwarded-Proto`. From anyone else these headers are
/// ignored, so a phone cannot pick its own address to escape the limiter.
public struct ForwardedMiddleware: RouterMiddleware {
    public typealias Context = WebContext
    let trusted: Set<String>

    public init(trusted: Set<String>) {
        self.trusted = trusted
    }

    /// The client a trusted proxy names: the last address it appended to `X-Forwarded-For`
    /// (anything before it was written by the client). Shared with the connection guard.
    static func forwardedClient(_ fields: HTTPFields) -> String? {
        guard let forwarded = fields[values: .forwardedFor].last,
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty
        else { return nil }
        return last
    }

    public func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard !trusted.isEmpty, trusted.contains(context.client) else { return try await next(request, context) }
        var context = context
        context.forwarded = true
        if let client = Self.forwardedClient(request.headers) { context.client = client }
        if let proto = request.headers[.forwardedProto]?.lowercased(), proto == "https" || proto == "http" {
            context.scheme = proto
        }
        return try await next(request, context)
    }
}
