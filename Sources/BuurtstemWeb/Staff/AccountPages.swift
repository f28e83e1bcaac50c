import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
public import Hummingbird

/// The board manages the accounts of the board and the desk: list, add (with a password typed
/// twice), set a new password, disable. Board accounts only; every change is audited.
struct AccountPages: Sendable {
    let database: AppDatabase
    let gate: StaffGate

    /// Routes under `/bestuur`, behind the board's gate.
    func register(on board: RouterGroup<StaffContext>) {
        board.get("accounts") { _, context in
            let session = try context.session
            return try await Lane.pages.run { try self.page(session) }
        }
        board.post("accounts") { request, context in try await self.add(request, context) }
        board.post("accounts/:name/:step") { request, context in
            try await self.change(request, context, context.parameters.get("name") ?? "", context.parameters.get("step") ?? "")
        }
    }

    /// The page, built on the pages lane (`Lane`).
    func pageOnLane(
        _ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await Lane.pages.run { try self.page(session, message: message, ok: ok, status: status) }
    }

    func page(_ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok) throws -> Response {
        let accounts = try database.staffAccounts().map { account in
            AccountsView.Account(
                name: account.name, isBoardAccount: account.role == .board, disabled: account.disabled,
                canDisable: !account.disabled && account.name != session.account.name)
        }
        let view = AccountsView(
            accounts: accounts, minimumLength: PasswordHash.minimumLength,
            passwordLabel: Catalogue.both("passwordAtLeast", ["count": String(PasswordHash.minimumLength)]))
        return PageTemplates.staffPage("accounts", title: "accountsTitle", session: session, view: view, flash: message, ok: ok, status: status)
    }

    /// A password typed twice.
    struct PasswordForm: Decodable {
        var password: String?
        var again: String?
    }

    /// A new account: its name, role and password typed twice.
    struct NewAccountForm: Decodable {
        var name: String?
        var role: StaffAccount.Role
        var password: String?
        var again: String?
    }

    /// The new password, typed twice.
    func password(_ password: String?, again: String?) throws -> String {
        let password = password ?? ""
        guard password == again ?? "" else {
            throw Problem(nl: "De twee wachtwoorden verschillen; er is niets veranderd.", en: "The two passwords differ; nothing was changed.")
        }
        return password
    }

    func add(_ request: Request, _ staff: StaffContext) async throws -> Response {
        let (session, form) = (try staff.session, try staff.form(NewAccountForm.self))
        do {
            let name = form.name.filled ?? ""
            let role = form.role
            let password = try password(form.password, again: form.again)
            let database = self.database
            try await offThread { try database.addStaff(name: name, role: role, password: password, actor: session.account.actor) }
            return try await pageOnLane(session, message: ("Account \(name) toegevoegd.", "Account \(name) added."), ok: true)
        } catch let problem as Problem {
            return try await pageOnLane(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try await pageOnLane(session, message: explain(error), status: Explained(error).status)
        }
    }

    func change(_ request: Request, _ staff: StaffContext, _ name: String, _ step: String) async throws -> Response {
        let session = try staff.session
        do {
            switch step {
            case "uitschakelen":
                guard name != session.account.name else {
                    throw Problem(nl: "U kunt uw eigen account niet uitschakelen.", en: "You cannot disable your own account.")
                }
                try await database.onPages { try $0.disableStaff(name: name, actor: session.account.actor) }
                return try await pageOnLane(session, message: ("Account \(name) uitgeschakeld.", "Account \(name) disabled."), ok: true)
            case "wachtwoord":
                let form = try staff.form(PasswordForm.self)
                let password = try password(form.password, again: form.again)
                let database = self.database
                try await offThread { try database.setStaffPassword(name: name, password: password, actor: session.account.actor) }
                // A new password ends that account's other sessions (a lost phone, a shared laptop).
                let ended = await gate.sessions.end(where: { $0.account.name == name }, keeping: request.cookies[StaffGate.cookie]?.value)
                return try await pageOnLane(
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
            return try await pageOnLane(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try await pageOnLane(session, message: explain(error), status: Explained(error).status)
        }
    }
}

/// The accounts page: every account with what the board may do with it, and the form for a new one.
struct AccountsView {
    struct Account {
        var name: String
        var isBoardAccount: Bool
        var disabled: Bool
        /// Not one's own account, and not disabled already.
        var canDisable: Bool
    }
    var accounts: [Account]
    var minimumLength: Int
    var passwordLabel: BothLanguages
}
