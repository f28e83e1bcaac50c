import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Dispatch
import Foundation
public import Hummingbird
import Statuut

/// Signing in and out for board and desk accounts, and the gate every staff page passes.
struct StaffGate: Sendable {
    let database: AppDatabase
    let sessions: StaffSessions
    /// Wrong passwords, limited per client like wrong voting codes.
    let limiter: AttemptLimiter
    let telemetry: Telemetry
    static let cookie = "__Host-staff"

    /// The signed-in session when it may see a page for `role` (the board may use the desk too);
    /// nil when nobody is signed in. Rechecks the account, so a disabled one is out at once.
    func session(_ request: Request, role: StaffAccount.Role) async throws -> StaffSession? {
        let id = request.cookies[Self.cookie]?.value
        guard let session = await sessions.session(id) else { return nil }
        let name = session.account.name
        guard let account = try await database.onPages({ try $0.staffAccount(named: name) }), account.role == session.account.role else {
            await sessions.end(id)
            return nil
        }
        guard role == .desk || account.role == .board else { throw HTTPError(.forbidden, message: "Alleen voor het bestuur / Board only") }
        return session
    }

    /// The tokens every staff form carries (`csrf.mustache`).
    struct Tokens: Decodable {
        var csrf: String?
        var once: String?
    }

    /// The session and the posted form's text, after checking the form's CSRF token against the session's.
    func post(_ request: Request, role: StaffAccount.Role) async throws -> (StaffSession, String)? {
        guard let session = try await session(request, role: role) else { return nil }
        let form = try await Forms.text(request)
        let tokens = try Forms.decode(Tokens.self, from: form)
        guard let token = tokens.csrf.filled, constantTimeEqual(token, session.csrf) else {
            throw HTTPError(.forbidden, message: "Dit formulier is verlopen; laad de pagina opnieuw. / This form has expired; reload the page.")
        }
        // Every staff form carries a one-time token (`csrf.mustache`); one without is not a form of ours.
        guard let once = tokens.once.filled else {
            throw HTTPError(.forbidden, message: "Dit formulier is verlopen; laad de pagina opnieuw. / This form has expired; reload the page.")
        }
        if !(await sessions.firstUse(request.cookies[Self.cookie]?.value, token: once)) { throw SentTwice() }
        return (session, form)
    }

    static var signIn: Response { Response(status: .seeOther, headers: [.location: "/inloggen"]) }

    /// To the sign-in page, which returns to `request`'s page after signing in (a page, not a form;
    /// the sections' own first pages need no return).
    static func signIn(returningTo request: Request) -> Response {
        let path = request.uri.string
        guard request.method == .get, returningTo(path) != nil, path != "/bestuur", path != "/balie",
            let encoded = path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/")))
        else { return signIn }
        return Response(status: .seeOther, headers: [.location: "/inloggen?terug=\(encoded)"])
    }

    /// A page of the board or the desk to return to after signing in; nil for anything else (never
    /// another site: no open redirect).
    static func returningTo(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/bestuur") || path.hasPrefix("/balie"), !path.contains("//"), !path.contains("\\"),
            path.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 })
        else { return nil }
        return path
    }

    func register(on router: Router<WebContext>) {
        router.get("inloggen") { request, _ in Self.loginForm(error: nil, returningTo: Self.returningTo(request.uri.queryParameters["terug"].map(String.init)))
        }
        router.post("inloggen") { request, context in try await self.login(request, context) }
        router.post("uitloggen") { request, _ in
            _ = try await self.post(request, role: .desk)
            await self.sessions.end(request.cookies[Self.cookie]?.value)
            var response = Response(status: .seeOther, headers: [.location: "/inloggen"])
            response.setCookie(Cookie(name: Self.cookie, value: "", maxAge: 0, path: "/", secure: true, httpOnly: true, sameSite: .strict))
            return response
        }
    }

    static func loginForm(error: (nl: String, en: String)?, returningTo: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let view = SignInView(error: error.map { ["nl": $0.nl, "en": $0.en] }, returningTo: returningTo)
        return PageTemplates.page("login", title: "signIn", view: view, status: status)
    }

    func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let wait = await limiter.attempt(context.client)
        guard wait == 0 else {
            telemetry.rateLimited("password")
            return Self.loginForm(
                error: (
                    Catalogue.text("tooManyWrongPasswords", .nl, ["seconds": String(wait)]),
                    Catalogue.text("tooManyWrongPasswords", .en, ["seconds": String(wait)])
                ),
                status: .tooManyRequests)
        }
        let form = try await Forms.read(SignInForm.self, from: request)
        let back = Self.returningTo(form.terug.filled)
        let name = form.name.filled ?? ""
        let password = form.password ?? ""
        let database = self.database
        let account = try await offThread { try database.authenticateStaff(name: name, password: password) }
        guard let account else {
            await limiter.fail(context.client)
            return Self.loginForm(
                error: (Catalogue.text("wrongNameOrPassword", .nl), Catalogue.text("wrongNameOrPassword", .en)), returningTo: back, status: .forbidden)
        }
        // Signing in again ends this browser's older session: one browser, one session.
        await sessions.end(request.cookies[Self.cookie]?.value)
        let id = await sessions.start(StaffSession(account: account, csrf: StaffSessions.randomID()))
        // Back to the page that asked for the sign-in, where the account may see it; else its own start.
        let start = account.role == .board ? "/bestuur" : "/balie"
        let location = back.flatMap { account.role == .board || $0.hasPrefix("/balie") ? $0 : nil } ?? start
        var response = Response(status: .seeOther, headers: [.location: location])
        response.setCookie(Cookie(name: Self.cookie, value: id, path: "/", secure: true, httpOnly: true, sameSite: .strict))
        return response
    }
}

/// The sign-in page: why the last attempt failed, and the page to return to.
struct SignInView {
    var error: BothLanguages?
    var returningTo: String?
}

/// The sign-in form: name, password, and the page to return to.
struct SignInForm: Decodable {
    var name: String?
    var password: String?
    var terug: String?
}

/// Runs password hashing (Argon2id: about 0.1 s and 64 MiB) off the server's threads.
func offThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}

/// Compares two strings in time that depends only on their length.
func constantTimeEqual(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}
