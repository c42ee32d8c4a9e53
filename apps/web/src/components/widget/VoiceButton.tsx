'use client';
import MicIcon from '@mui/icons-material/Mic';
import MicNoneIcon from '@mui/icons-material/MicNone';
import IconButton from '@mui/material/IconButton';
import { useEffect, useRef, useState } from 'react';

/** The slice of the Web Speech API we use (not in TypeScript's DOM lib). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onend: (() => void) | null;
  onerror: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionCtor = new () => Recognition;

const recognitionCtor = (): RecognitionCtor | undefined => {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
};

/**
 * Dictation through the Web Speech API. Rendered only where the browser has it (Chrome, Edge,
 * Safari); elsewhere there is no button at all. Final phrases are handed to `onText`.
 */
export function VoiceButton({ disabled, locale, onText }: { disabled: boolean; locale?: string; onText: (text: string) => void }) {
  const [supported, setSupported] = useState(false);
  const [listening, setListening] = useState(false);
  const rec = useRef<Recognition | null>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  useEffect(() => setSupported(!!recognitionCtor()), []);
  useEffect(() => () => rec.current?.stop(), []);

  if (!supported) return null;

  const toggle = () => {
    if (listening) return rec.current?.stop();
    const Ctor = recognitionCtor();
    if (!Ctor) return;
    const r = new Ctor();
    r.lang = locale || navigator.language || 'en-US';
    r.interimResults = false;
    r.continuous = false;
    r.onresult = (e) => {
      const text = Array.from(e.results)
        .filter((res) => res.isFinal)
        .map((res) => res[0]?.transcript ?? '')
        .join(' ')
        .trim();
      if (text) onTextRef.current(text);
    };
    r.onend = () => setListening(false);
    r.onerror = () => setListening(false);
    rec.current = r;
    try {
      r.start();
      setListening(true);
    } catch {
      setListening(false); // e.g. microphone permission refused
    }
  };

  return (
    <IconButton
      aria-label={listening ? 'Stop voice input' : 'Voice input'}
      aria-pressed={listening}
      onClick={toggle}
      disabled={disabled}
      color={listening ? 'error' : 'default'}
      data-testid="voice-input"
    >
      {listening ? <MicIcon /> : <MicNoneIcon />}
    </IconButton>
  );
}
