import BuurtstemCore
import BuurtstemStore
public import Hummingbird

/// The board manages the accounts of the board and the desk: list, add (with a password typed
/// twice), set a new password, disable. Board accounts only; every change is audited.
struct AccountPages: Sendable {
    let database: AppDatabase
    let gate: StaffGate

    func register(on router: Router<WebContext>) {
        router.get("bestuur/accounts") { request, _ in
            guard let session = try await gate.session(request, role: .board) else { return StaffGate.signIn }
            return try self.page(session)
        }
        router.post("bestuur/accounts") { request, _ in try await self.add(request) }
        router.post("bestuur/accounts/:name/:step") { request, context in
            try await self.change(request, context.parameters.get("name") ?? "", context.parameters.get("step") ?? "")
        }
    }

    func page(_ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok) throws -> Response {
        let rows = try database.staffAccounts().map { account -> String in
            let role = account.role == .board ? HTML.inline("bestuur", "board") : HTML.inline("balie", "desk")
            var actions = ""
            if !account.disabled && account.name != session.account.name {
                actions += HTML.button(
                    "/bestuur/accounts/\(account.name)/uitschakelen", HTML.both("Uitschakelen", "Disable"), session: session, secondary: true)
            }
            actions += """
                <form method="post" action="/bestuur/accounts/\(HTML.h(account.name))/wachtwoord" class="inline">\(HTML.csrf(session))
                <label for="pw-\(HTML.h(account.name))">\(HTML.inline("Nieuw wachtwoord", "New password"))</label>
                <input type="password" id="pw-\(HTML.h(account.name))" name="password" autocomplete="new-password" minlength="\(PasswordHash.minimumLength)" required>
                <input type="password" name="again" autocomplete="new-password" aria-label="Nog een keer / Again" minlength="\(PasswordHash.minimumLength)" required>
                <button type="submit">\(HTML.both("Instellen", "Set"))</button></form>
                """
            return
                "<tr id=\"account-\(HTML.h(account.name))\"><td>\(HTML.h(account.name))</td><td>\(role)</td><td>\(account.disabled ? HTML.inline("uitgeschakeld", "disabled") : HTML.inline("actief", "active"))</td><td>\(actions)</td></tr>"
        }.joined()
        let body = """
            <h1>\(HTML.both("Accounts van bestuur en balie", "Board and desk accounts"))</h1>
            \(HTML.message(message, ok: ok))
            <table><thead><tr><th>\(HTML.both("Naam", "Name"))</th><th>\(HTML.both("Rol", "Role"))</th><th>\(HTML.both("Stand", "State"))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <form method="post" action="/bestuur/accounts" class="card">\(HTML.csrf(session))
            <h2>\(HTML.both("Account toevoegen", "Add an account"))</h2>
            <div class="row">
            <div><label for="name">\(HTML.both("Naam", "Name"))</label><input type="text" id="name" name="name" autocapitalize="none" spellcheck="false" required></div>
            <div><label for="role">\(HTML.both("Rol", "Role"))</label><select id="role" name="role">
            <option value="desk">balie / desk</option><option value="board">bestuur / board</option></select></div>
            </div>
            <div class="row">
            <div><label for="password">\(HTML.both("Wachtwoord (minstens \(PasswordHash.minimumLength) tekens)", "Password (at least \(PasswordHash.minimumLength) characters)"))</label>
            <input type="password" id="password" name="password" autocomplete="new-password" minlength="\(PasswordHash.minimumLength)" required></div>
            <div><label for="again">\(HTML.both("Nog een keer", "Again"))</label>
            <input type="password" id="again" name="again" autocomplete="new-password" minlength="\(PasswordHash.minimumLength)" required></div>
            </div>
            <button type="submit">\(HTML.both("Toevoegen", "Add"))</button>
            </form>
            <p><a href="/bestuur">\(HTML.inline("terug", "back"))</a></p>
            """
        return HTML.staffPage("Accounts", body, session: session, status: status)
    }

    /// The new password from a form, typed twice.
    func password(_ form: [String: [String]]) throws -> String {
        let password = form["password"]?.first ?? ""
        guard password == form["again"]?.first ?? "" else {
            throw Problem(nl: "De twee wachtwoorden verschillen; er is niets veranderd.", en: "The two passwords differ; nothing was changed.")
        }
        return password
    }

    func add(_ request: Request) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            let name = form.value("name") ?? ""
            let role = StaffAccount.Role(rawValue: form.value("role") ?? "") ?? .desk
            let password = try password(form)
            let database = self.database
            try await offThread { try database.addStaff(name: name, role: role, password: password, actor: session.account.actor) }
            return try page(session, message: ("Account \(name) toegevoegd.", "Account \(name) added."), ok: true)
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }

    func change(_ request: Request, _ name: String, _ step: String) async throws -> Response {
        guard let (session, form) = try await gate.post(request, role: .board) else { return StaffGate.signIn }
        do {
            switch step {
            case "uitschakelen":
                guard name != session.account.name else {
                    throw Problem(nl: "U kunt uw eigen account niet uitschakelen.", en: "You cannot disable your own account.")
                }
                try database.disableStaff(name: name, actor: session.account.actor)
                return try page(session, message: ("Account \(name) uitgeschakeld.", "Account \(name) disabled."), ok: true)
            case "wachtwoord":
                let password = try password(form)
                let database = self.database
                try await offThread { try database.setStaffPassword(name: name, password: password, actor: session.account.actor) }
                // A new password ends that account's other sessions (a lost phone, a shared laptop).
                let ended = await gate.sessions.end(where: { $0.account.name == name }, keeping: request.cookies[StaffGate.cookie]?.value)
                return try page(
                    session,
                    message: (
                        "Nieuw wachtwoord ingesteld voor \(name); \(ended) andere sessie(s) van dit account zijn beëindigd.",
                        "New password set for \(name); \(ended) other session(s) of this account were ended."
                    ), ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: .conflict)
        }
    }
}
