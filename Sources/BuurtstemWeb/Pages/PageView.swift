import BuurtstemDocuments
import Hummingbird
import Mustache
import Statuut

/// A text in both languages as the `both` partial shows it: `nl`, then `en` beside it.
typealias BothLanguages = [String: String]

/// A view model with the catalogue's texts beside it: a template reads `t.key` from the
/// catalogue and every other name from the view's stored properties (an optional that is nil,
/// a false or an empty list leaves its section out).
struct WithTexts: MustacheParent {
    let view: Any
    /// What the page around the view adds (a staff page: the session's tokens, the navigation, a message).
    var around: [String: Any] = [:]

    func child(named name: String) -> Any? {
        if name == "t" { return Catalogue.table }
        if let value = around[name] { return value }
        guard let value = Mirror(reflecting: view).children.first(where: { $0.label == name })?.value else { return nil }
        let optional = Mirror(reflecting: value)
        guard optional.displayStyle == .optional else { return value }
        return optional.children.first?.value
    }
}

extension PageTemplates {
    /// The template `name` rendered with `view` and the catalogue's texts.
    static func render(_ name: String, view: Any) -> String { library.render(name, view: WithTexts(view: view)) }

    /// A staff page rendered from a view model: the navigation, an optional message, then the
    /// template `name` with the session's tokens (`{{> csrf}}`) beside the view's properties.
    static func staffPage(
        _ name: String, title: String, session: StaffSession, view: Any, flash: (nl: String, en: String)? = nil, ok: Bool = false,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var around = staffContext(session)
        if let flash { around["flash"] = ["nl": flash.nl, "en": flash.en, "class": ok ? "ok" : "error", "role": ok ? "status" : "alert"] }
        let page = WithTexts(view: view, around: around)
        let body = library.render("staff-nav", view: page) + library.render(name, view: page)
        return HTML.page(Catalogue.text(title, .nl), body, status: status, wide: true)
    }
}
