import BuurtstemDocuments
import BuurtstemStore
import HTTPTypes
public import Hummingbird
import Logging
import Statuut

extension HTTPField.Name {
    static let referrerPolicyHeader = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

/// Security headers on every response: HSTS, a strict Content-Security-Policy (no inline script,
/// nothing from elsewhere), no MIME sniffing, no referrer, no framing.
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        let api = request.uri.path.hasPrefix("/api/")
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
            if error.status == .notFound, !api { response = Self.notFoundPage() }
        } catch let error as StoreError {
            let why = Explained(error)
            response =
                api
                ? try APIError(why.status, id: why.id, message: why.en).response(from: request, context: context)
                : error.isNotFound
                    ? Self.notFoundPage() : Self.statusPage("notDoneTitle", words: why.pair, links: [("/", "toTheStart")], status: why.status)
        } catch is SentTwice {
            response = Self.statusPage(
                "alreadyDone", text: "alreadyDoneText", links: [("/bestuur", "toTheBoard"), ("/balie", "toTheDesk")], status: .conflict)
        } catch is NotFound {
            response =
                api
                ? try APIError(.notFound, id: "not-found", message: "there is nothing at \(request.uri.path)").response(from: request, context: context)
                : Self.notFoundPage()
        } catch {
            // Never an empty 500: a page (or JSON) with the headers, and the cause in the log.
            // The route pattern and the error's type: a path or an error's text may hold a name or a code.
            context.logger.error(
                "unexpected error", metadata: ["route": .string(context.endpointPath ?? "unmatched"), "error": .string(String(reflecting: type(of: error)))])
            response =
                api
                ? try APIError(.internalServerError, id: "internal", message: "something went wrong on the server; it has been logged")
                    .response(from: request, context: context)
                : Self.statusPage("somethingWentWrong", text: "somethingWentWrongText", links: [("/", "toTheStart")], status: .internalServerError)
        }
        Self.secure(&response)
        return response
    }

    /// The security headers every response carries.
    static func secure(_ response: inout Response) {
        response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicyHeader] = "no-referrer"
        response.headers[.frameOptions] = "DENY"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
    }
}

extension SecurityHeadersMiddleware {
    /// The page for an address or id that names nothing.
    static func notFoundPage() -> Response {
        statusPage("notFoundTitle", text: "notFoundText", links: [("/", "toTheStart")], status: .notFound)
    }

    /// A page that says what happened (a heading, a sentence) and where to go on.
    static func statusPage(_ heading: String, text: String, links: [(String, String)], status: HTTPResponse.Status) -> Response {
        statusPage(heading, words: Catalogue.pair(text), links: links, status: status)
    }

    /// A status page whose text is already worded (an error's own words).
    static func statusPage(_ heading: String, words: (nl: String, en: String), links: [(String, String)], status: HTTPResponse.Status) -> Response {
        PageTemplates.page(
            "status", title: heading,
            view: StatusView(
                heading: Catalogue.both(heading), text: ["nl": words.nl, "en": words.en],
                links: links.enumerated().map { StatusView.Link(href: $1.0, label: Catalogue.both($1.1), first: $0 == 0) }),
            status: status)
    }
}

/// Refuses state-changing requests from other sites: a form post must come from this origin
/// (`Sec-Fetch-Site: same-origin`, or an `Origin` naming this host); a JSON API call must say
/// `Content-Type: application/json`, which another site's page cannot send without this server's consent.
public struct SameOriginMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        if request.uri.path.hasPrefix("/api/") {
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
                throw APIError(.unsupportedMediaType, id: "json-required", message: "send the request body as application/json")
            }
            return try await next(request, context)
        }
        if let site = request.headers[.fetchSite] {
            guard site == "same-origin" || site == "none" else { throw HTTPError(.forbidden, message: "This form was sent from another site.") }
            return try await next(request, context)
        }
        if let origin = request.headers[.origin], let host = request.head.authority {
            guard origin.hasSuffix("://" + host) else { throw HTTPError(.forbidden, message: "This form was sent from another site.") }
            return try await next(request, context)
        }
        throw HTTPError(.forbidden, message: "This request does not say where it comes from; please use the form on this site.")
    }
}

/// An API error as JSON: `{"error": {"id", "message"}}`.
public struct APIError: HTTPResponseError {
    public let status: HTTPResponse.Status
    public let id: String
    public let message: String

    public init(_ status: HTTPResponse.Status, id: String, message: String) {
        self.status = status
        self.id = id
        self.message = message
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = JSONText.object(["error": .object(["id": .string(id), "message": .string(message)])])
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: body)))
    }
}
