import BuurtstemStore
public import Hummingbird

/// The request context of the board's and the desk's pages: who is signed in and, for a post,
/// the form after its CSRF and one-time tokens were checked. `StaffGateMiddleware` fills it in
/// before any handler of the group runs, so a handler never checks a session itself.
struct StaffContext: ChildRequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address (for the limiter), as the parent context read it.
    let client: String
    /// The parent's site address, for QR codes.
    let scheme: String
    /// Set by the middleware; nil only if a route was added outside a gated group.
    var signedIn: StaffSession?
    /// The posted form as text (empty for a GET); `form(_:)` reads it as a type.
    var formText = ""

    var maxUploadSize: Int { 64 * 1024 }

    init(context: WebContext) {
        self.coreContext = context.coreContext
        self.client = context.client
        self.scheme = context.scheme
    }

    /// The posted form as `Form` (a 400 when it is not one of ours).
    func form<Form: Decodable>(_ type: Form.Type) throws -> Form { try Forms.decode(type, from: formText) }

    /// The signed-in session the middleware let through.
    var session: StaffSession {
        get throws {
            guard let signedIn else { throw HTTPError(.forbidden) }
            return signedIn
        }
    }
}

/// The one guard of a staff group: a page for `role` needs a signed-in account with that role (the
/// board may use the desk too); nobody signed in goes to the sign-in page; a post must carry the
/// session's CSRF token and a one-time token not used before.
struct StaffGateMiddleware: RouterMiddleware {
    typealias Context = StaffContext
    let gate: StaffGate
    let role: StaffAccount.Role

    func handle(_ request: Request, context: StaffContext, next: (Request, StaffContext) async throws -> Response) async throws -> Response {
        var context = context
        if request.method == .post {
            guard let (session, form) = try await gate.post(request, role: role) else { return StaffGate.signIn }
            context.signedIn = session
            context.formText = form
        } else {
            guard let session = try await gate.session(request, role: role) else { return StaffGate.signIn(returningTo: request) }
            context.signedIn = session
        }
        return try await next(request, context)
    }
}

extension Router<WebContext> {
    /// The routes under `path`, each behind the staff gate for `role`.
    func staff(_ path: RouterPath, role: StaffAccount.Role, gate: StaffGate) -> RouterGroup<StaffContext> {
        group(path, context: StaffContext.self).add(middleware: StaffGateMiddleware(gate: gate, role: role))
    }
}
