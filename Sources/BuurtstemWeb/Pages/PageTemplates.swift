import BuurtstemDocuments
import BuurtstemStore
import Foundation
import Hummingbird
import Mustache
import Statuut

/// The web pages' templates (`Templates/*.mustache`) and the stylesheet (`Static/style.css`), both
/// shipped as resources. Texts come from the catalogue (`Catalogue`): a template shows one as
/// `{{#t.key}}{{> both}}{{/t.key}}`, Dutch with English beside it.
enum PageTemplates {
    static let library = TemplateLibrary(bundle: .module)

    /// The one stylesheet, served at `/static/style.css`.
    static let stylesheet: String = {
        guard let url = Bundle.module.url(forResource: "style", withExtension: "css", subdirectory: "Static"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("Static/style.css is not in the module's resources") }
        return text
    }()

    /// A page: the template `name` rendered with `context` and the catalogue's texts as `t`, in the layout.
    /// `title` is a catalogue key.
    static func page(
        _ name: String, title: String, _ context: [String: Any] = [:], status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], wide: Bool = false
    ) -> Response {
        var context = context
        context["t"] = Catalogue.table
        return HTML.page(Catalogue.text(title, .nl), library.render(name, context), status: status, headers: headers, wide: wide)
    }

    /// A page rendered from a view model (`WithTexts`), in the layout. `title` is a catalogue key.
    static func page(_ name: String, title: String, view: Any, status: HTTPResponse.Status = .ok) -> Response {
        HTML.page(Catalogue.text(title, .nl), render(name, view: view), status: status)
    }

    /// A staff page: the navigation (board, desk, sign out), an optional message, then the template
    /// `name`. Every form in it carries the session's CSRF token and a fresh one-time token
    /// (`{{> csrf}}`: `once` is a lambda, so each form gets its own).
    static func staffPage(
        _ name: String, title: String, session: StaffSession, _ context: [String: Any] = [:], flash: (nl: String, en: String)? = nil,
        ok: Bool = false, status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = context.merging(staffContext(session)) { mine, _ in mine }
        if let flash { context["flash"] = ["nl": flash.nl, "en": flash.en, "class": ok ? "ok" : "error", "role": ok ? "status" : "alert"] }
        let body = library.render("staff-nav", context) + library.render(name, context)
        return HTML.page(Catalogue.text(title, .nl), body, status: status, wide: true)
    }

    /// What every staff template needs: the texts, the session's CSRF token, a fresh one-time token
    /// per form, and who is signed in.
    static func staffContext(_ session: StaffSession) -> [String: Any] {
        [
            "t": Catalogue.table, "csrf": session.csrf, "once": MustacheLambda { SessionTable<StaffSession>.randomID() },
            "isBoard": session.account.role == .board,
            "signOutAs": ["nl": Catalogue.text("signOutAs", .nl, ["name": session.account.name]), "en": Catalogue.text("signOut", .en)],
        ]
    }
}
