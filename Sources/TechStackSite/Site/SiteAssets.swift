import TechStackEvidence
import TechStackHTML
import TechStackLint
import TechStackModel
import TechStackPortfolio

/// The site's own stylesheet and script: `Assets/site.css` and `Assets/site-search.js`,
/// embedded in the binary; local files, nothing loaded from the network.
enum SiteAssets {
    static let stylesheet = EmbeddedAssets.siteCSS

    /// Search as you type; results are links (Tab or the arrow keys move through them,
    /// Enter opens one, Escape goes back). `?q=TEXT` fills the box and runs the search.
    static let script = EmbeddedAssets.siteSearchJS
}
