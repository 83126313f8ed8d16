/**
 * The first thing Tab reaches: straight to the page, past the top bar and the sections. Routes
 * live in the hash, so it focuses the page itself rather than following `#content`.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#content"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('content')?.focus();
      }}
    >
      Skip to content
    </a>
  );
}
