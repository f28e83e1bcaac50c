import BuurtstemDocuments
import Mustache

/// A text in both languages as the `both` partial shows it: `nl`, then `en` beside it.
typealias BothLanguages = [String: String]

/// A view model with the catalogue's texts beside it: a template reads `t.key` from the
/// catalogue and every other name from the view's stored properties (an optional that is nil,
/// a false or an empty list leaves its section out).
struct WithTexts: MustacheParent {
    let view: Any

    func child(named name: String) -> Any? {
        if name == "t" { return Catalogue.table }
        guard let value = Mirror(reflecting: view).children.first(where: { $0.label == name })?.value else { return nil }
        let optional = Mirror(reflecting: value)
        guard optional.displayStyle == .optional else { return value }
        return optional.children.first?.value
    }
}

extension PageTemplates {
    /// The template `name` rendered with `view` and the catalogue's texts.
    static func render(_ name: String, view: Any) -> String { library.render(name, view: WithTexts(view: view)) }
}
