'use client';

import { useEffect, useRef } from 'react';

/**
 * Makes an element reach from where it starts down to the bottom of the viewport (at least `min` px),
 * whatever headers sit above it, so the canvas fills the remaining height.
 */
export function useFillHeight<T extends HTMLElement>(min = 360) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(min, window.innerHeight - top)}px`;
    };
    fit();
    // Anything above the element that grows or shrinks (a wrapping toolbar, a status line) moves its top.
    const observer = new ResizeObserver(fit);
    for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
      for (let above = node.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above);
    }
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [min]);
  return ref;
}
