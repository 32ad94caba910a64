/**
 * Reading the review comments of an exported .docx back (issue 9): the `w:comment`s of comments.xml with
 * their attributes and paragraphs, and what each comment's range encloses in document.xml.
 */

/** One `w:comment` of comments.xml. */
export interface WordComment {
  id: string;
  author: string;
  initials: string;
  date: string;
  /** Its paragraphs' text. */
  paragraphs: string[];
}

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_match, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of every `w:t` in `xml`, joined. */
export function runText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => decodeXml(match[1]!)).join('');
}

function attributes(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1]!, decodeXml(match[2]!)]));
}

/** The comments of comments.xml, in file order. */
export function wordComments(commentsXml: string): WordComment[] {
  return [...commentsXml.matchAll(/<w:comment\s([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((match) => {
    const attrs = attributes(match[1]!);
    return {
      id: attrs['w:id'] ?? '',
      author: attrs['w:author'] ?? '',
      initials: attrs['w:initials'] ?? '',
      date: attrs['w:date'] ?? '',
      paragraphs: [...match[2]!.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((paragraph) => runText(paragraph[0])),
    };
  });
}

/** Where a comment's range lies in document.xml, and what it encloses. */
export interface CommentedRange {
  /** The text of the runs between its start and its end. */
  text: string;
  /** How many paragraph boundaries lie between them (0: one paragraph). */
  paragraphBreaks: number;
  /** The whole text of the paragraph its start is in. */
  startParagraph: string;
  /** Whether its end is followed by a run holding its `w:commentReference`. */
  referenced: boolean;
}

/** The range of comment `id` in document.xml; throws unless it has exactly one start and one end, in order. */
export function commentedRange(documentXml: string, id: string): CommentedRange {
  const starts = [...documentXml.matchAll(new RegExp(`<w:commentRangeStart w:id="${id}"/>`, 'g'))];
  const ends = [...documentXml.matchAll(new RegExp(`<w:commentRangeEnd w:id="${id}"/>`, 'g'))];
  if (starts.length !== 1 || ends.length !== 1) throw new Error(`comment ${id}: ${starts.length} starts and ${ends.length} ends`);
  const start = starts[0]!.index;
  const end = ends[0]!.index;
  if (start > end) throw new Error(`comment ${id} ends before it starts`);
  const between = documentXml.slice(start, end);
  const paragraphStart = Math.max(documentXml.lastIndexOf('<w:p>', start), documentXml.lastIndexOf('<w:p ', start));
  const paragraphEnd = documentXml.indexOf('</w:p>', start);
  const after = documentXml.slice(end, documentXml.indexOf('</w:r>', end));
  return {
    text: runText(between),
    paragraphBreaks: between.split('</w:p>').length - 1,
    startParagraph: runText(documentXml.slice(paragraphStart, paragraphEnd)),
    referenced: after.includes(`<w:commentReference w:id="${id}"/>`),
  };
}
