import BuurtstemCore
public import Foundation
public import Hummingbird
import NIOCore

/// The request context: Hummingbird's core context plus the client's address (for rate limiting).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `unknown` (tests, unix sockets). Behind a trusted reverse
    /// proxy, the address the proxy reports (`ForwardedMiddleware`).
    public internal(set) var client: String
    /// `https` when a trusted proxy says the request came over HTTPS; else `http`.
    public internal(set) var scheme = "http"
    /// The request came through a trusted reverse proxy (so from the internet, not the operator).
    public internal(set) var forwarded = false
    /// The largest request body read: a vote or a form is a few hundred bytes; anything past
    /// 64 KiB is refused with 413 before it is read further.
    public var maxUploadSize: Int { 64 * 1024 }
    /// The API's bodies with sorted keys, like every other JSON Buurtstem writes.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}

extension WebContext {
    /// This site's address as the client reached it (for QR codes on the projector and the desk).
    func siteURL(_ request: Request) -> String { "\(scheme)://\(request.head.authority ?? "127.0.0.1:8080")/" }
}

extension RequestContext {
    /// An id from the path (an assembly's, a ballot's or a proposal's, as the handler takes it);
    /// anything but a positive number names nothing here (404, like an unknown id).
    func id<Kind>(_ name: String) throws -> Identifier<Kind> {
        guard let text = parameters.get(name), let id = Int(text), id >= 1 else { throw NotFound() }
        return Identifier(id)
    }
}

/// A path that names nothing: answered 404 (an HTML page, or JSON under `/api/`).
struct NotFound: Error {}

/// A staff form sent a second time (its one-time token was used): answered 409, nothing changes.
struct SentTwice: Error {}
