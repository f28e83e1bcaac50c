public import Hummingbird
import NIOCore

/// The request context: Hummingbird's core context plus the client's address (for rate limiting).
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `unknown` (tests, unix sockets).
    public let client: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.client = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
