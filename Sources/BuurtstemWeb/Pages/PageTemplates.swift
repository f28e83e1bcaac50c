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

    /// A page rendered from a view model (`WithTexts`: its properties and the catalogue's texts as
    /// `t`), in the layout. `title` is a catalogue key.
    static func page(_ name: String, title: String, view: Any, status: HTTPResponse.Status = .ok) -> Response {
        HTML.page(Catalogue.text(title, .nl), render(name, view: view), status: status)
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
