public import Hummingbird
import Logging

/// One log line and one latency sample per request, by route *pattern* (`/stemmen/:id`, never the
/// path with its values), method and status: no query string, no body, no cookie, no address.
/// A code, a choice, a receipt, a password, a name or an address never reaches the log this way
/// (scripts/e2e-https greps a whole evening's JSON log for every one used).
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let telemetry: Telemetry

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        var status = 500
        defer {
            let took = clock.now - start
            let route = context.endpointPath ?? "unmatched"
            telemetry.metrics.request(telemetry.association, route: route, method: request.method.rawValue, status: status, took: took)
            if let leftOut = telemetry.requestLog.admit("\(request.method.rawValue) \(route) \(status)") {
                var metadata: Logger.Metadata = [
                    "association": .string(telemetry.association), "route": .string(route), "method": .string(request.method.rawValue),
                    "status": .stringConvertible(status), "ms": .stringConvertible(Self.milliseconds(took)),
                ]
                if leftOut > 0 { metadata["leftOut"] = .stringConvertible(leftOut) }
                context.logger.info("request", metadata: metadata)
            }
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }

    /// A duration in milliseconds, to the microsecond (a slow request's whole seconds included).
    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds / 1_000_000_000_000) / 1_000
    }
}
