import Foundation
import GRDB
import Hummingbird

/// `/search?q=…`: the form and one page of results the person may open (the store filters inside the
/// query), each labelled with its kind and linked to its record.
struct SearchController {
    let search: SearchStore
    let renderer: Renderer
    let formats: Formats
    static let pageSize = 20

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get(RouterPath(Paths.search), use: show)
    }

    func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        try context.require(.useApp)
        guard let actor = context.actor else { throw AppError.signInRequired }
        let messages = Catalog.messages(context.language)
        let raw = Self.parameter("q", in: request.uri.query)
        let query = SearchQuery(raw ?? "")
        let requested = min(RequestNumber.page(Self.parameter("page", in: request.uri.query)), ListBound.maxPage(size: Self.pageSize))

        var hits: [SearchHit] = [], total = 0, message: String?, number = requested
        if let expression = query.expression {
            do {
                (hits, total) = try await search.search(expression, for: actor, offset: RequestNumber.offset(page: requested, size: Self.pageSize), limit: Self.pageSize)
                // A page past the end (an old link) shows the last one.
                number = min(requested, ListBound.pageCount(total: total, size: Self.pageSize))
                if number != requested {
                    hits = try await search.search(expression, for: actor, offset: RequestNumber.offset(page: number, size: Self.pageSize), limit: Self.pageSize).0
                }
            } catch is DatabaseError {
                // The expression is always quoted words, so this should not happen; never a 500 for what was typed.
                message = messages[.search_error]
            }
            if message == nil && total == 0 { message = messages[.search_none] }
        } else if raw != nil, let problem = query.problem {
            message = (messages[runtime: "search_problem_\(problem.rawValue)"] ?? "")
                .replacingOccurrences(of: "{max}", with: String(problem == .tooManyWords ? SearchQuery.maxWords : SearchQuery.maxLength))
        }
        let pageCount = ListBound.pageCount(total: total, size: Self.pageSize)
        let page = SearchPage(
            query: query.text.count <= SearchQuery.maxLength ? query.text : String(query.text.prefix(SearchQuery.maxLength)),
            maxLength: SearchQuery.maxLength, message: message,
            countLabel: total > 0 ? ListBound.countLabel(.search_count, total, context.language, more: .search_more_than) : nil,
            results: hits.map { result($0, messages, context.language) },
            pageNumber: number, pageCount: pageCount,
            previous: number > 1 ? Paths.search(query.text, page: number - 1) : nil,
            next: number < pageCount ? Paths.search(query.text, page: number + 1) : nil, paged: pageCount > 1)
        return try await renderer.page("search/index", page, title: .search_title, context: context, path: Paths.search)
    }

    /// What to call a hit and where it leads: reviews, comments and questions open their case at their place.
    private func result(_ hit: SearchHit, _ messages: Messages, _ language: Language) -> SearchPage.Result {
        let caseId = hit.caseId ?? 0
        let (title, href): (String, String) = switch hit.kind {
        case .case: (hit.title, Paths.case(hit.ref))
        case .question: (hit.caseTitle ?? "", Paths.case(caseId) + "#question-\(hit.ref)")
        case .review: (hit.caseTitle ?? "", Paths.case(caseId) + "#review-\(hit.ref)")
        case .comment: (hit.caseTitle ?? "", Paths.case(caseId) + "#comment-\(hit.ref)")
        case .minutes: (hit.meetingTitle ?? "", Paths.meetingMinutes(hit.meetingId ?? 0))
        case .charter:
            ((messages[runtime: "document_\(hit.documentKind ?? "")"] ?? "") + " — "
                + messages.fill(.charter_version, ["number": String(hit.versionNumber ?? 0)]),
             Paths.documentVersion(hit.documentKind ?? "", hit.versionNumber ?? 0))
        case .deliverable: (hit.title, Paths.deliverable(hit.ref))
        }
        return SearchPage.Result(kind: messages[runtime: "search_kind_\(hit.kind.rawValue)"] ?? "", kindKey: hit.kind.rawValue,
                                 title: SearchSnippet.pieces(title), href: href, date: formats.date(hit.at, language),
                                 pieces: SearchSnippet.pieces(hit.snippet))
    }

    /// A query parameter as a form sends it (`+` for a space, then percent-encoding).
    static func parameter(_ name: String, in query: String?) -> String? {
        guard let query else { return nil }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.first == Substring(name) else { continue }
            let value = parts.count > 1 ? String(parts[1]).replacingOccurrences(of: "+", with: " ") : ""
            return value.removingPercentEncoding ?? value
        }
        return nil
    }
}
