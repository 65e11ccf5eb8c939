// video-question.tsx imports these names from here; it is edited on another branch, so this module keeps them.
export { formatClock as clock, formatSpokenDuration as spokenDuration } from "@/components/format";
