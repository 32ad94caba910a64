/** Empty paragraphs that only hold a rule or a space (see HAIRLINE in layout.ts). */
import { LineRuleType, Paragraph, type IParagraphOptions } from 'docx';
import { HAIRLINE } from './layout.js';

/** An empty paragraph one hairline high, with `before` and `after` space in twips and any other options. */
export function hairline(before: number, after: number, options: Omit<IParagraphOptions, 'spacing' | 'run' | 'children'> = {}): Paragraph {
  return new Paragraph({
    ...options,
    spacing: { before, after, line: HAIRLINE.lineTwips, lineRule: LineRuleType.EXACT },
    run: { size: HAIRLINE.size },
  });
}
