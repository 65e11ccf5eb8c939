"use client";

import { KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors, type PointerSensorOptions } from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import type { PointerEvent } from "react";

/**
 * The pointer sensor for mouse and pen only: touch goes to the touch sensor, which waits for a
 * press and hold, so a finger swiping over a grip still scrolls the page.
 */
class MouseAndPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: "onPointerDown" as const,
      handler: ({ nativeEvent: event }: PointerEvent, options: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === "touch") return false;
        options.onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** Pointer (mouse and pen), touch (press and hold) and keyboard (space, arrows, space) for a sortable list. */
export function useReorderSensors() {
  return useSensors(
    // A few pixels of travel before a drag begins, so a click on the grip stays a click.
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
}
