/**
 * One report, laid out as the A4 document it becomes: the header (agency lines, number, place and date,
 * type and subject, bound live to the frame room), then each section with its own editor, its owner, and
 * — where the person may not write — why, then the footer (recipients and signature block). Owners and write access follow the
 * report's review room, so a reassignment takes effect on every open page at once; so does the
 * chairperson's verdict on each section, shown beside its heading. The presence bar above
 * shows who is here and whether everything is saved.
 *
 * When the server closes a room with 4403, the page asks for the report and the account again: if the
 * report is still shared, the person lost a section (or, their role changed, the frame) while typing; the
 * page takes the owners the server gives (the review room may not have told yet) and renews that room
 * with the rights the person now has: it shows what the server has, and the text they could not send
 * stays in their browser and is shown below the section (or below the opening paragraphs) to copy. If
 * not, the page says the report is no longer shared with them. When it closes them because the person's
 * role or department changed (4100), the page reloads the account, so what it lets them write follows at
 * once.
 *
 * Once the report is issued (issue 10) — as the review room says, or as the report the page asked for after
 * a refusal says — every room is read-only for everyone and says why ("Đã ban hành — chỉ xem"): a refused
 * write then renews the room read-only, so the page never reconnects to write again.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { canManageReports, canReadAudit, canReviewSections, frameAccess, sectionAccess, type Access } from '../../../common/access.js';
import type { Report, ReportSection } from '../../../common/report.js';
import type { SectionReview } from '../../../common/review.js';
import { formatRoomName, type RoomPart } from '../../../common/rooms.js';
import { ApiError } from '../api/http.js';
import { getReport } from '../api/reports.js';
import { getMe } from '../api/session.js';
import { localCopyName } from '../collab/localCopy.js';
import { reviewOf } from '../collab/reviewEntries.js';
import { useReportRooms, type ReportRooms, type RoomHandlers } from '../collab/useReportRooms.js';
import { useReviewEntries } from '../collab/useReviewEntries.js';
import { usePeople } from '../collab/usePeople.js';
import { useOpened } from '../collab/useOpened.js';
import { useSaveStatus } from '../collab/useSaveStatus.js';
import { useSectionOwners } from '../collab/useSectionOwners.js';
import { AppBar } from '../components/AppBar.js';
import { ErrorBoundary } from '../components/ErrorBoundary.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PresenceBar } from '../components/PresenceBar.js';
import { readOnlyReason } from '../editor/readOnlyReason.js';
import { SectionBar } from '../editor/SectionBar.js';
import { PreambleEditor } from '../editor/PreambleEditor.js';
import { SectionEditor } from '../editor/SectionEditor.js';
import { Outline } from '../editor/navigation/Outline.js';
import { ReportNavigation } from '../editor/navigation/ReportNavigation.js';
import { AwardCatalogueContext, useAwardCatalogue } from '../editor/tally/tallyEnvironment.js';
import { FrameFooter } from '../frame/FrameFooter.js';
import { FrameHeader } from '../frame/FrameHeader.js';
import { KeptFramePanel } from '../frame/KeptFramePanel.js';
import { useFrameBinding } from '../frame/useFrameBinding.js';
import { useT } from '../i18n/locale.js';
import { ReviewProvider } from '../review/ReviewContext.js';
import { SectionVerdict } from '../review/SectionVerdict.js';
import { useWorkflow } from '../workflow/useWorkflow.js';
import { WorkflowBar } from '../workflow/WorkflowBar.js';
import { PrintPreviewAction } from '../print/PrintPreviewAction.js';
import { Link } from '../router.js';
import { auditPath } from '../audit/auditPath.js';
import { useSession } from '../session/SessionContext.js';

// Panels beside the sheet, in chunks of their own (issue 12, item 7): the first section becomes editable without
// waiting for the form checker's rules, the signing and version panels or the review sidebar. They are
// rendered only once the rooms have synced (useOpened.ts), each in its own Suspense boundary (nothing shown
// until it arrives), so the sheet never waits for them.
const ChecksPanel = lazy(() => import('../checks/ChecksPanel.js').then((module) => ({ default: module.ChecksPanel })));
const SignedCopyPanel = lazy(() => import('../signing/SignedCopyPanel.js').then((module) => ({ default: module.SignedCopyPanel })));
const VersionsPanel = lazy(() => import('../workflow/VersionsPanel.js').then((module) => ({ default: module.VersionsPanel })));
const ReviewSidebar = lazy(() => import('../review/ReviewSidebar.js').then((module) => ({ default: module.ReviewSidebar })));

interface OwnedSectionProps {
  report: Report;
  section: ReportSection;
  owner: string | null;
  /** The chairperson's verdict on the section, live from the review room. */
  review: SectionReview;
  rooms: ReportRooms | null;
  /** The report is issued: nobody writes the section any more. */
  issued: boolean;
  /** Every room has synced once (useOpened.ts): read-only editors are built from then on. */
  opened: boolean;
  onAssigned(sectionId: string, owner: string | null): void;
}

/** A section with the rights of the person signed in, for its current owner. */
function OwnedSection({ report, section, owner, review, rooms, issued, opened, onAssigned }: OwnedSectionProps) {
  const t = useT();
  const { me, identity, department, departments } = useSession();
  const ownerName = owner === null ? null : (department(owner)?.name ?? t.report.unknownDepartment);
  const access: Access = issued ? 'read' : sectionAccess(me, owner);
  const follow = rooms?.setSectionAccess;
  useEffect(() => follow?.(section.id, access), [follow, section.id, access]);
  const lostTo = owner !== null && owner !== me.departmentId ? ownerName : null;
  const keptReason = issued ? t.workflow.issued.kept : lostTo !== null ? t.report.kept.reassigned(lostTo) : t.report.kept.noLongerYours;
  const bar = (
    <SectionBar
      reportId={report.id}
      sectionId={section.id}
      ownerDepartmentId={owner}
      ownerName={ownerName}
      ownDepartment={owner !== null && owner === me.departmentId}
      assignable={canManageReports(me.role) ? departments : undefined}
      onAssigned={(next) => onAssigned(section.id, next)}
      readOnlyReason={readOnlyReason(t, me, owner, ownerName, issued)}
    />
  );
  const verdict = (
    <SectionVerdict reportId={report.id} sectionId={section.id} review={review} reviewer={canReviewSections(me.role) && !issued} meId={me.id} />
  );
  return (
    <SectionEditor
      section={section}
      room={rooms?.sections.get(section.id)}
      identity={identity}
      access={access}
      bar={bar}
      verdict={verdict}
      copyName={localCopyName(me.id, section.room)}
      keptReason={keptReason}
      opened={opened}
    />
  );
}

/** What the report page does about its rooms; the sheet adds what only it knows (the owners, the person's rights). */
type PageRoomHandlers = Omit<RoomHandlers, 'accessOf' | 'frameAccess'>;

function ReportSheet({ report, handlers }: { report: Report; handlers: PageRoomHandlers }) {
  const t = useT();
  const { identity, me } = useSession();
  // The access the page shows, for the rooms opened before the owners are read below.
  const accessOf = useRef<(sectionId: string) => Access>(() => 'read');
  const frameRightsNow = useRef<Access>('read');
  const roomHandlers = useMemo<RoomHandlers>(
    () => ({ ...handlers, accessOf: (sectionId) => accessOf.current(sectionId), frameAccess: () => frameRightsNow.current }),
    [handlers],
  );
  const rooms = useReportRooms(report, identity, me.id, roomHandlers);
  const workflow = useWorkflow(report, rooms?.review);
  const issued = workflow.status === 'issued';
  const frameRights: Access = issued ? 'read' : frameAccess(me);
  const { owners, setOwner } = useSectionOwners(report, rooms?.review);
  const reviews = useReviewEntries(rooms?.review);
  // Before the rooms open (their effect runs after this one), and at every render after.
  useLayoutEffect(() => {
    accessOf.current = (sectionId) => (issued ? 'read' : sectionAccess(me, owners.get(sectionId) ?? null));
    frameRightsNow.current = frameRights;
  });
  // The frame keeps a browser copy only while the person may write it (reportRoomSet.ts).
  const followFrame = rooms?.setFrameAccess;
  useEffect(() => followFrame?.(frameRights), [followFrame, frameRights]);
  const people = usePeople(rooms?.frame.provider.awareness);
  const status = useSaveStatus(rooms?.all);
  // The panels beside the sheet and the editors of what the person only reads wait until the rooms have
  // synced (useOpened.ts, useIdleMount.ts): building an editor is the largest piece of the opening.
  const opened = useOpened(status);
  const frame = useFrameBinding(rooms?.frame, me, issued);
  const catalogue = useAwardCatalogue();
  useEffect(() => {
    document.title = `${report.title} – Đồng Soạn`;
  }, [report.title]);

  return (
    <>
      <PresenceBar people={people} status={status} />
      <main className="desk">
        <ReportNavigation templateId={report.templateId}>
        <WorkflowBar reportId={report.id} workflow={workflow} place={frame.fields.place} symbol={frame.fields.symbol} />
        <nav className="sheet-actions">
          <Outline report={report} />
          <a
            className="sheet-action"
            href={`/api/reports/${encodeURIComponent(report.id)}/export.docx`}
            download
            data-testid="export-docx"
          >
            {t.report.exportWord}
          </a>
          <a
            className="sheet-action"
            href={`/api/reports/${encodeURIComponent(report.id)}/export.docx?comments=1`}
            download
            data-testid="export-docx-comments"
          >
            {t.report.exportWordWithComments}
          </a>
          <PrintPreviewAction reportId={report.id} />
          {canReadAudit(me.role) ? (
            <Link className="sheet-action" href={auditPath({ report: report.id })} data-testid="report-audit-link">
              {t.housekeeping.auditLink}
            </Link>
          ) : null}
        </nav>
        {opened ? (
          <>
            <Suspense fallback={null}>
              <SignedCopyPanel reportId={report.id} issued={issued} review={rooms?.review} />
            </Suspense>
            <Suspense fallback={null}>
              <VersionsPanel reportId={report.id} status={workflow.status} />
            </Suspense>
            <Suspense fallback={null}>
              <ChecksPanel report={report} rooms={rooms} issued={issued} />
            </Suspense>
          </>
        ) : null}
        <ReviewProvider reportId={report.id} entries={reviews} owners={owners} closed={issued}>
          <div className="sheet-row">
            <article className="sheet" lang="vi">
              <FrameHeader frame={frame} />
              <PreambleEditor room={rooms?.frame} identity={identity} access={frameRights} opened={opened} />
              <AwardCatalogueContext.Provider value={catalogue}>
                <KeptFramePanel
                  room={rooms?.frame}
                  copyName={localCopyName(me.id, formatRoomName({ reportId: report.id, part: { kind: 'frame' } }))}
                  active={frameRights !== 'write'}
                  fields={frame.fields}
                  reason={issued ? t.workflow.issued.kept : undefined}
                />
                {report.sections.map((section) => (
                  <OwnedSection
                    key={section.id}
                    report={report}
                    section={section}
                    owner={owners.get(section.id) ?? null}
                    review={reviewOf(reviews, section.id)}
                    rooms={rooms}
                    issued={issued}
                    opened={opened}
                    onAssigned={setOwner}
                  />
                ))}
              </AwardCatalogueContext.Provider>
              <FrameFooter frame={frame} />
            </article>
            {opened ? (
              <ErrorBoundary fallback={<p className="review-sidebar review-empty" role="alert">{t.review.failed}</p>}>
                <Suspense fallback={null}>
                  <ReviewSidebar />
                </Suspense>
              </ErrorBoundary>
            ) : null}
          </div>
        </ReviewProvider>
        </ReportNavigation>
      </main>
    </>
  );
}

/** True for the answers that mean "this report is not for you (any more)". */
function isNotShared(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 404);
}

/** Loads the report `reportId` and shows it. */
export function ReportPage({ reportId }: { reportId: string }) {
  const t = useT();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lost, setLost] = useState(false);
  // Issue 10: the report was deleted while open (its rooms were closed with 4404).
  const [deleted, setDeleted] = useState(false);
  // Bumped to reconnect every room (the review room refused while the report is still shared).
  const [generation, setGeneration] = useState(0);

  const { me, reloadMe } = useSession();
  const handlers = useMemo<PageRoomHandlers>(
    () => ({
      onForbidden(part: RoomPart, renew: (access?: Access) => void) {
        Promise.all([getReport(reportId), getMe()]).then(
          ([fresh, now]) => {
            // The owners as the server has them now: the page shows them at once, before the review room.
            setReport(fresh);
            if (now.role !== me.role || now.departmentId !== me.departmentId) void reloadMe();
            // Issued (perhaps before the review room told): refused for good, so the room comes back read-only.
            const frozen = fresh.status === 'issued';
            switch (part.kind) {
              case 'review':
                setGeneration((current) => current + 1);
                return;
              case 'frame':
                renew(frozen ? 'read' : frameAccess(now));
                return;
              case 'section': {
                const owner = fresh.sections.find((section) => section.id === part.sectionId)?.ownerDepartmentId ?? null;
                renew(frozen ? 'read' : sectionAccess(now, owner));
              }
            }
          },
          (failure: unknown) => {
            if (isNotShared(failure)) setLost(true);
            else renew();
          },
        );
      },
      // The rooms reconnect by themselves; the page learns the new role or department, and whether the
      // report is still shared.
      onRightsChanged() {
        void reloadMe();
        getReport(reportId).catch((failure: unknown) => {
          if (isNotShared(failure)) setLost(true);
        });
      },
      onDeleted() {
        setDeleted(true);
      },
    }),
    [reportId, me, reloadMe],
  );

  useEffect(() => {
    const abort = new AbortController();
    getReport(reportId, abort.signal).then(setReport, (failure: unknown) => {
      if (!abort.signal.aborted) setError(failure);
    });
    return () => abort.abort();
  }, [reportId]);

  if (report !== null && !lost && !deleted) return <ReportSheet key={generation} report={report} handlers={handlers} />;
  let body = <p className="muted">{t.report.loading}</p>;
  if (deleted) body = <p role="alert" data-testid="report-deleted">{t.housekeeping.deleted}</p>;
  else if (lost) body = <p role="alert" data-testid="report-lost">{t.report.noLongerShared}</p>;
  else if (error instanceof ApiError && error.status === 403) body = <p role="alert" data-testid="report-forbidden">{t.report.notShared}</p>;
  else if (error !== null) body = <ErrorMessage title={t.report.loadError} error={error} />;
  return (
    <>
      <AppBar />
      <main className="list-page">
        <section className="card">
          {body}
          <Link href="/">{t.report.backToList}</Link>
        </section>
      </main>
    </>
  );
}
