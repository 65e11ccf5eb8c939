/**
 * Shared by every form control so inputs, textareas and selects line up in a form. Text is
 * 16px below `sm` because iOS zooms the page into any focused field with smaller text.
 */
export const controlClasses =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm placeholder:text-slate-400 sm:text-sm " +
  "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:border-brand-500 " +
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 " +
  "aria-[invalid=true]:border-red-500 aria-[invalid=true]:focus-visible:ring-red-500";
