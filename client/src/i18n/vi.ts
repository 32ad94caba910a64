/** Vietnamese, the client's first language. */
import type { Messages } from './messages.js';

/** The Vietnamese dictionary. */
export const vi: Messages = {
  appName: 'Đồng Soạn',
  languageSwitch: 'Chuyển ngôn ngữ',
  otherLanguageName: 'English',
  namePrompt: {
    title: 'Chào mừng đến với Đồng Soạn',
    intro: 'Nhập tên của bạn để đồng nghiệp biết ai đang soạn thảo cùng.',
    label: 'Tên hiển thị',
    placeholder: 'Ví dụ: Nguyễn Thị Lan – Phòng Nội vụ',
    submit: 'Tiếp tục',
  },
  greeting: (name) => `Xin chào, ${name}`,
  changeName: 'Đổi tên',
  list: {
    heading: 'Báo cáo',
    loading: 'Đang tải danh sách…',
    empty: 'Chưa có báo cáo nào. Hãy tạo báo cáo đầu tiên.',
    loadError: 'Không tải được danh sách báo cáo',
    columnTitle: 'Tên báo cáo',
    columnStatus: 'Trạng thái',
    columnCreated: 'Ngày tạo',
  },
  status: {
    draft: 'Dự thảo',
    review: 'Đang xem xét',
    approved: 'Đã duyệt',
    issued: 'Đã ban hành',
  },
  create: {
    heading: 'Tạo báo cáo',
    template: 'Mẫu báo cáo',
    chooseTemplate: 'Chọn mẫu…',
    title: 'Tên báo cáo (không bắt buộc)',
    titlePlaceholder: 'Ví dụ: Sơ kết phong trào thi đua 6 tháng đầu năm',
    submit: 'Tạo báo cáo',
    creating: 'Đang tạo…',
    templatesError: 'Không tải được danh sách mẫu',
    sectionCount: (count) => `${count} mục`,
  },
  report: {
    backToList: '← Danh sách báo cáo',
    loading: 'Đang tải báo cáo…',
    loadError: 'Không mở được báo cáo',
    owner: 'Phụ trách',
    unassigned: 'Chưa giao',
    sectionLoading: 'Đang tải nội dung…',
  },
  presence: {
    label: 'Đang có mặt',
    you: '(bạn)',
  },
  saveState: {
    saved: 'Đã kết nối, đã lưu',
    saving: 'Đang lưu…',
    reconnecting: 'Đang kết nối lại…',
    offline: 'Ngoại tuyến',
    connecting: 'Đang kết nối…',
  },
  toolbar: {
    label: 'Định dạng',
    bold: 'In đậm (Ctrl+B)',
    italic: 'In nghiêng (Ctrl+I)',
    heading: 'Mục đánh số 1., 2.',
    subheading: 'Điểm a), b)',
    bulletList: 'Gạch đầu dòng',
  },
};
