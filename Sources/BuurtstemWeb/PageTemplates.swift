import BuurtstemDocuments
import Foundation
import Hummingbird

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
    static func page(_ name: String, title: String, _ context: [String: Any] = [:], status: HTTPResponse.Status = .ok, wide: Bool = false) -> Response {
        var context = context
        context["t"] = Catalogue.table
        return HTML.page(title, library.render(name, context), status: status, wide: wide)
    }
}
