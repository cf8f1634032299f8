import Foundation
import AnjianModel

/// A document to print (issue 12), as the screens and the command line ask for it: the document
/// is issued (or found issued) under the lock, then written as HTML and, when asked, as PDF.
public struct PrintJob: Hashable, Sendable {
    public var kind: DocumentKind
    public var enterpriseCode: String
    /// The visit's id (inspection record, rectification order) or the hazard's id (re-check opinion).
    public var recordID: String
    public var issuedBy: Operator
    /// ISO 8601 with its offset; its year is the number's year.
    public var issuedAt: String
    /// The highest sequence of this kind and year the program knows (`DocumentRequest.highestSequence`).
    public var highestKnown: Int
    /// Where the HTML goes; nil: `documents/<year>/<kind>-<n>.html` in the data directory.
    public var output: URL?
    /// Also a PDF beside the HTML, made by a browser engine.
    public var pdf: Bool

    public init(kind: DocumentKind, enterpriseCode: String, recordID: String, issuedBy: Operator, issuedAt: String,
                highestKnown: Int, output: URL? = nil, pdf: Bool) {
        self.kind = kind
        self.enterpriseCode = enterpriseCode
        self.recordID = recordID
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.highestKnown = highestKnown
        self.output = output
        self.pdf = pdf
    }

    /// The request the runner issues the document by, under these settings.
    public func request(settings: DocumentSettings) -> DocumentRequest {
        DocumentRequest(kind: kind, enterpriseCode: enterpriseCode, recordID: recordID, issuedBy: issuedBy,
                        issuedAt: issuedAt, settings: settings, highestKnown: highestKnown)
    }
}
