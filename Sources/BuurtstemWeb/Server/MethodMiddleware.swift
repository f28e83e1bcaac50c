import HTTPTypes
public import Hummingbird

/// Answers 405 Method Not Allowed (with `Allow`) for a method the JSON API does not take on a path
/// it knows, as `docs/openapi.yaml` promises, instead of the router's 404 or the same-origin 403.
public struct MethodMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let parts = request.uri.path.split(separator: "/")
        if let route = apiRoutes.first(where: { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }) {
            let allowed = route.methods.contains(.get) ? route.methods + [.head] : route.methods
            if !allowed.contains(request.method) {
                var response = try APIError(
                    .methodNotAllowed, id: "method-not-allowed",
                    message: "\(request.uri.path) takes \(allowed.map(\.rawValue).joined(separator: ", "))"
                )
                .response(from: request, context: context)
                response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
                return response
            }
        }
        return try await next(request, context)
    }
}

/// The API's paths (`*` for an id) and their methods, split once (this is read on every request).
private let apiRoutes: [(path: [Substring], methods: [HTTPRequest.Method])] =
    [
        ("api/v1/votes", [.post]), ("api/v1/ballots/*", [.get]), ("api/v1/ballots/*/result", [.get]), ("api/v1/ballots/*/board", [.get]),
        ("api/v1/assemblies/*/turnout", [.get]), ("api/v1/audit/head", [.get]), ("healthz", [.get]),
        ("readyz", [.get]), ("metrics", [.get]),
    ]
    .map { ($0.0.split(separator: "/"), $0.1) }
