/** What reading mode shows: the result of extraction, before sanitizing. */
export interface ArticleHeading {
  /** id given to the heading inside contentHtml, for the table of contents. */
  id: string;
  level: number;
  text: string;
}

export interface ArticleMetaEntry {
  /** As the page labels it, e.g. "Release date", "Division in Charge", "お問い合わせ先". */
  label: string;
  value: string;
}

export interface Article {
  title: string;
  /** The title with its ruby (furigana), when the page's heading has ruby. NOT yet sanitized, like contentHtml. */
  titleHtml?: string;
  byline: string | null;
  /** Publication date as the page states it ("December 15, 2017"), or null. */
  published: string | null;
  siteName: string | null;
  /** BCP 47 language of the content ("en", "ja"). */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Body HTML. NOT yet sanitized: the reader sanitizes it with DOMPurify right before display. */
  contentHtml: string;
  headings: ArticleHeading[];
  /** "article": Readability found one; "fallback": a simplified view of the main landmark. */
  kind: 'article' | 'fallback';
  meta: ArticleMetaEntry[];
  /** Characters of readable text in contentHtml. */
  textLength: number;
  sourceUrl: string;
}

/** What the page side hands over: its HTML as it is now, and where it came from. */
export interface PageSnapshot {
  html: string;
  url: string;
  /** Set when the page is a frameset whose frames could not be read (other sites'). */
  frames?: 'unreadable';
}
