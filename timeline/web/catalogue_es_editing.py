"""Spanish for the story-editing pages and forms (stories, membership, merges): part of the
catalogue in ``catalogue_es``, kept apart so neither module grows past a screenful of pages."""

from __future__ import annotations

EDITING: dict[str, str] = {
    "Remove from {title}": "Quitar de {title}",
    "On the story": "En la historia",
    "Reason for taking it off “{title}”": "Motivo para quitarla de «{title}»",
    "Take off this story": "Quitar de esta historia",
    "Add to a story": "Añadir a una historia",
    "Story to add it to": "Historia a la que añadirla",
    "Reason for adding it": "Motivo para añadirla",
    "Add to the story": "Añadir a la historia",
    "New story": "Nueva historia",
    "Possible duplicates": "Posibles duplicados",
    "Merge {headline}": "Fusionar {headline}",
    "{percent} alike": "{percent} parecidas",
    "Reason for merging it into this entry": "Motivo para fusionarla con esta entrada",
    "Merge into this entry": "Fusionar con esta entrada",
    "None found: no other entry on overlapping dates has a similar headline.":
        "No hay ninguno: ninguna otra entrada de fechas coincidentes tiene un titular parecido.",
    "History of this story": "Historial de esta historia",
    "Rename this story": "Cambiar el título de esta historia",
    "Rename “{title}”": "Cambiar el título de «{title}»",
    "The change is added to the archive under your name, with your reason, and shows in the "
    "story’s history.":
        "El cambio se añade al archivo con su nombre y su motivo, y aparece en el historial de "
        "la historia.",
    "Address (lowercase letters, digits and dashes, as in chile-2025-election)":
        "Dirección (minúsculas, cifras y guiones, como en chile-2025-election)",
    "Title": "Título",
    "Description (optional)": "Descripción (opcional)",
    "Reason for the change": "Motivo del cambio",
    "Create story": "Crear la historia",
    "Rename story": "Cambiar el título",
    "created": "creada",
    "renamed": "título cambiado",
    "entry added": "entrada añadida",
    "article added": "artículo añadido",
    "entry removed": "entrada quitada",
    "History of “{title}”": "Historial de «{title}»",
    "Reason: {reason}": "Motivo: {reason}",
    # story_editing's refusals (shown through the ``translated`` filter)
    "Say why: the reason is kept in the history.":
        "Diga por qué: el motivo se guarda en el historial.",
    "Choose one of the stories.": "Elija una de las historias.",
    "That entry is no longer a possible duplicate of this one.":
        "Esa entrada ya no es un posible duplicado de esta.",
}
