/** Realistic Vietnamese report prose, generated deterministically from a seed. */
import { seededRandom } from '../common/seededRandom.js';

const SENTENCES = [
  'Thực hiện Kế hoạch số 125/KH-UBND ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh, các sở, ban, ngành đã chủ động xây dựng kế hoạch triển khai phù hợp với chức năng, nhiệm vụ được giao.',
  'Công tác tuyên truyền được quan tâm thực hiện thường xuyên, bằng nhiều hình thức phong phú, đa dạng, góp phần nâng cao nhận thức của cán bộ, công chức, viên chức và người lao động.',
  'Qua sơ kết cho thấy phong trào thi đua đã thu hút đông đảo các tập thể, cá nhân tham gia, tạo khí thế thi đua sôi nổi trên tất cả các lĩnh vực.',
  'Ban Chỉ đạo đã tổ chức 04 đoàn kiểm tra tại 12 đơn vị, kịp thời tháo gỡ những khó khăn, vướng mắc phát sinh trong quá trình thực hiện.',
  'Tuy nhiên, việc triển khai ở một số đơn vị còn chậm, chưa bám sát nội dung hướng dẫn, công tác phối hợp giữa các cơ quan có lúc chưa chặt chẽ.',
  'Nguyên nhân chủ yếu là do nguồn lực còn hạn chế, đội ngũ cán bộ làm công tác thi đua, khen thưởng ở cơ sở thường xuyên thay đổi, kiêm nhiệm nhiều việc.',
  'Trong kỳ, toàn tỉnh đã phát hiện, bồi dưỡng và nhân rộng 37 mô hình hay, cách làm sáng tạo, trong đó có 09 điển hình tiên tiến được biểu dương ở cấp tỉnh.',
  'Ủy ban nhân dân tỉnh đã tặng Bằng khen cho 58 tập thể và 126 cá nhân có thành tích xuất sắc; đề nghị Thủ tướng Chính phủ tặng Bằng khen cho 05 tập thể.',
  'Để tiếp tục nâng cao hiệu quả, đề nghị các cơ quan, đơn vị tăng cường công tác kiểm tra, giám sát, gắn kết quả thi đua với đánh giá, xếp loại hằng năm.',
  'Kiến nghị Bộ Nội vụ sớm ban hành văn bản hướng dẫn thống nhất về tiêu chuẩn, quy trình xét tặng các danh hiệu thi đua đối với khu vực doanh nghiệp.',
  'Nhìn chung, các chỉ tiêu chủ yếu đều đạt và vượt so với kế hoạch đề ra; đời sống vật chất, tinh thần của nhân dân từng bước được cải thiện rõ nét.',
  'Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan theo dõi, đôn đốc việc thực hiện, định kỳ tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 20 tháng 12.',
] as const;


/** Paragraphs of about `paragraphChars` characters, `totalChars` characters in all (NFC). */
export function vietnameseParagraphs(totalChars: number, paragraphChars = 500, seed = 1): string[] {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let remaining = totalChars;
  while (remaining > 0) {
    let paragraph = '';
    while (paragraph.length < paragraphChars) {
      const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)]!.normalize('NFC');
      paragraph += (paragraph ? ' ' : '') + sentence;
    }
    paragraph = paragraph.slice(0, Math.min(paragraphChars, remaining));
    paragraphs.push(paragraph);
    remaining -= paragraph.length;
  }
  return paragraphs;
}

/** An endless stream of prose, handed out a few characters at a time as one person types it. */
export class Typist {
  private buffer = '';
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** The next 1–`max` characters typed. */
  next(max = 4): string {
    const count = 1 + Math.floor(this.random() * max);
    while (this.buffer.length < count) {
      this.buffer += SENTENCES[Math.floor(this.random() * SENTENCES.length)]!.normalize('NFC') + ' ';
    }
    const typed = this.buffer.slice(0, count);
    this.buffer = this.buffer.slice(count);
    return typed;
  }
}
