'use client';
import MicIcon from '@mui/icons-material/Mic';
import MicNoneIcon from '@mui/icons-material/MicNone';
import IconButton from '@mui/material/IconButton';
import { useEffect, useRef, useState } from 'react';
import { useI18n, type Messages } from '../../lib/i18n';

/** The slice of the Web Speech API we use (not in TypeScript's DOM lib). */
interface Recognition {
  lang: string;
  interimResults: boolean;
  continuous: boolean;
  onresult: ((e: { results: ArrayLike<ArrayLike<{ transcript: string }> & { isFinal: boolean }> }) => void) | null;
  onend: (() => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionCtor = new () => Recognition;

const recognitionCtor = (): RecognitionCtor | undefined => {
  const w = window as unknown as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
};

/** What the customer is told when dictation fails, by the Web Speech API's error code. */
export function voiceErrorText(t: Messages, code?: string): string {
  if (code === 'not-allowed' || code === 'service-not-allowed') return t.voiceNeedsMic;
  if (code === 'no-speech') return t.voiceNoSpeech;
  if (code === 'audio-capture') return t.voiceNoMic;
  return t.voiceUnavailable;
}

/**
 * Dictation through the Web Speech API. Rendered only where the browser has it (Chrome, Edge,
 * Safari); elsewhere there is no button at all. Final phrases are handed to `onText`; when the
 * browser cannot listen (microphone refused, no speech service), `onProblem` says why.
 */
export function VoiceButton({ disabled, locale, onText, onProblem }: {
  disabled: boolean;
  locale?: string;
  onText: (text: string) => void;
  onProblem: (message: string | null) => void;
}) {
  const [supported, setSupported] = useState(false);
  const [listening, setListening] = useState(false);
  const { t } = useI18n();
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
    r.onerror = (e) => {
      setListening(false);
      // 'aborted' is our own stop(); anything else the customer should hear about.
      if (e?.error !== 'aborted') onProblem(voiceErrorText(t, e?.error));
    };
    rec.current = r;
    onProblem(null);
    try {
      r.start();
      setListening(true);
    } catch {
      setListening(false);
      onProblem(voiceErrorText(t));
    }
  };

  return (
    <IconButton
      aria-label={listening ? t.voiceStop : t.voiceInput}
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
